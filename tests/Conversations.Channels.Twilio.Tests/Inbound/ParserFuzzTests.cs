using System.Text;
using Conversations.Channels.Twilio.Inbound;
using Conversations.Channels.Twilio.Validation;

namespace Conversations.Channels.Twilio.Tests.Inbound;

/// <summary>Random bytes and mutated realistic bodies never make the form reader, the parser or the validator throw.</summary>
public sealed class ParserFuzzTests
{
    private const int Iterations = 4000;

    private static readonly byte[][] Seeds =
    [
        TwilioPayloads.Encode(TwilioPayloads.WhatsAppText()),
        TwilioPayloads.Encode(TwilioPayloads.WhatsAppMedia()),
        TwilioPayloads.Encode(TwilioPayloads.WhatsAppLocation()),
        TwilioPayloads.Encode(TwilioPayloads.WhatsAppButton()),
        TwilioPayloads.Encode(TwilioPayloads.WhatsAppFromUserIdOnly()),
        TwilioPayloads.Encode(TwilioPayloads.Status("failed", "63016")),
        TwilioPayloads.Encode(TwilioPayloads.Status("read")),
    ];

    private static readonly byte[] Interesting = Encoding.ASCII.GetBytes("%&=+:.0123456789-whatsapp:+US.MediaUrlNumMedia");

    [Fact]
    public void RandomBytesNeverThrow()
    {
        var random = new Random(20261122);
        for (var i = 0; i < Iterations; i++)
        {
            var body = new byte[random.Next(0, 512)];
            random.NextBytes(body);
            Exercise(body, random);
        }
    }

    [Fact]
    public void MutatedRealisticBodiesNeverThrow()
    {
        var random = new Random(5);
        var parsedAsSomething = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var body = Mutate(Seeds[random.Next(Seeds.Length)], random);
            if (Exercise(body, random) is not null)
            {
                parsedAsSomething++;
            }
        }

        // Mutations are small: most bodies still read as forms, so the parser really gets exercised.
        Assert.True(parsedAsSomething > Iterations / 4, $"only {parsedAsSomething} mutated bodies were forms");
    }

    [Fact]
    public void RandomFieldListsNeverThrow()
    {
        var random = new Random(77);
        string[] names = ["MessageSid", "SmsSid", "From", "To", "Body", "NumMedia", "MediaUrl0", "MediaContentType0", "MediaUrl9",
            "Latitude", "Longitude", "ExternalUserId", "MessageStatus", "ErrorCode", "WaId", "ButtonPayload"];
        string[] values = ["", "whatsapp:+1", "whatsapp:US.1", "+", "10", "-1", "999999999999", "NaN", "1e308", "read", "huh",
            "SM1", "whatsapp:", "\0", "😀", "0", "90.0000001", "whatsapp:+123456789012345678"];
        for (var i = 0; i < Iterations; i++)
        {
            var form = Enumerable.Range(0, random.Next(0, 14))
                .Select(_ => new KeyValuePair<string, string>(names[random.Next(names.Length)], values[random.Next(values.Length)]))
                .ToList();
            Assert.NotNull(TwilioInboundParser.Parse(form, random.Next(2) == 0 ? null : "messageId=%E0%A4%A"));
            Assert.NotNull(TwilioInboundParser.ParseMessage(form));
            Assert.NotNull(TwilioInboundParser.ParseStatus(form, "?"));
        }
    }

    private static TwilioWebhook? Exercise(byte[] body, Random random)
    {
        var form = TwilioForm.Parse(body);
        Assert.True(form.IsSuccess ^ form.Error is not null);
        if (!form.IsSuccess)
        {
            return null;
        }

        var webhook = TwilioInboundParser.Parse(form.Fields!, random.Next(3) == 0 ? "messageId=%ZZ&x" : null);
        Assert.NotNull(webhook);
        _ = TwilioRequestValidator.IsValid("token", "https://h.example:1x/p?q", form.Fields!, "c2ln");
        return webhook;
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveAt(at);
                    break;
                case 2:
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 3:
                    var length = Math.Min(random.Next(1, 40), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                default:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 20), bytes.Count - at));
                    break;
            }
        }

        return [.. bytes];
    }
}
