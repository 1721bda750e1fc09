using System.Text;
using System.Text.Json.Nodes;
using Conversations.Channels.Meta.Webhooks;

namespace Conversations.Channels.Meta.Tests.Webhooks;

/// <summary>Seeded fuzzing: whatever arrives, the parser answers with a batch or an error and never throws.</summary>
public sealed class MetaWebhookParserFuzzTests
{
    private const int Iterations = 3000;
    private static readonly string[] Tokens = ["{", "}", "[", "]", ",", ":", "\"", "\\u", "\\", "null", "1e999", "-", "\uD83D", "\0", "\"entry\"", "true"];

    [Fact]
    public void RandomBytesNeverThrow()
    {
        var random = new Random(20261122);
        for (var i = 0; i < Iterations; i++)
        {
            var bytes = new byte[random.Next(0, 512)];
            random.NextBytes(bytes);
            if (bytes.Length > 0 && random.Next(2) == 0)
            {
                bytes[0] = (byte)'{';
            }

            AssertAnswers(bytes);
        }
    }

    [Fact]
    public void ByteMutationsOfRealisticBodiesNeverThrow()
    {
        var random = new Random(7);
        var seeds = MetaPayloads.All().Select(p => MetaPayloads.Utf8(p.Json)).ToArray();
        for (var i = 0; i < Iterations; i++)
        {
            var bytes = seeds[random.Next(seeds.Length)].ToList();
            for (var m = random.Next(1, 6); m > 0 && bytes.Count > 0; m--)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(5))
                {
                    case 0: bytes[at] = (byte)random.Next(256); break;
                    case 1: bytes.RemoveRange(at, Math.Min(random.Next(1, 20), bytes.Count - at)); break;
                    case 2: bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)])); break;
                    case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                    default: bytes.InsertRange(at, bytes.GetRange(0, Math.Min(at, random.Next(1, 64)))); break;
                }
            }

            AssertAnswers(bytes.ToArray());
        }
    }

    [Fact]
    public void StructuralMutationsOfRealisticBodiesNeverThrow()
    {
        var random = new Random(42);
        var seeds = MetaPayloads.All().Select(p => p.Json).ToArray();
        for (var i = 0; i < Iterations; i++)
        {
            var root = JsonNode.Parse(seeds[random.Next(seeds.Length)])!;
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                Mutate(root, random);
            }

            AssertAnswers(Encoding.UTF8.GetBytes(root.ToJsonString()));
        }
    }

    private static void AssertAnswers(byte[] body)
    {
        var result = MetaWebhookParser.Parse(body);
        Assert.True(result.IsSuccess ^ (result.Error is not null));
    }

    // Replaces one random node with a value of a random kind: types change, arrays empty, ids vanish.
    private static void Mutate(JsonNode root, Random random)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[random.Next(nodes.Count)];
        if (target.Parent is not { } parent)
        {
            return;
        }

        JsonNode? replacement = random.Next(7) switch
        {
            0 => null,
            1 => JsonValue.Create(random.Next()),
            2 => JsonValue.Create("x" + random.Next()),
            3 => new JsonArray(),
            4 => new JsonObject(),
            5 => JsonValue.Create(random.Next(2) == 0),
            _ => JsonValue.Create(-random.NextDouble() * 1e300),
        };
        switch (parent)
        {
            case JsonObject obj:
                var key = obj.First(p => ReferenceEquals(p.Value, target)).Key;
                if (random.Next(4) == 0)
                {
                    obj.Remove(key);
                }
                else
                {
                    obj[key] = replacement;
                }

                break;
            case JsonArray array:
                array[array.IndexOf(target)] = replacement;
                break;
        }
    }

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        into.Add(node);
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            Collect(child, into);
        }
    }
}
