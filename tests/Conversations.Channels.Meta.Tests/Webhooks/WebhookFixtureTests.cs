using Conversations.Channels.Meta.Webhooks;
using Xunit.Abstractions;

namespace Conversations.Channels.Meta.Tests.Webhooks;

/// <summary>
/// Real payloads gathered in <c>../shared/fixtures/webhooks</c> (beside the repository) are read from there
/// when the folder exists; they are never copied into the project. The payloads the tests build are
/// checked always, so the test means something where the folder is absent.
/// </summary>
public sealed class WebhookFixtureTests(ITestOutputHelper output)
{
    [Fact]
    public void EveryPayloadParsesIntoItems_RealFixturesWhenPresentAndBuiltOnesAlways()
    {
        var payloads = MetaPayloads.All().Select(p => (p.Name, Body: MetaPayloads.Utf8(p.Json))).ToList();
        var folder = FindFixtureFolder();
        var fixtures = folder is null ? [] : Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
        payloads.AddRange(fixtures.Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))));
        output.WriteLine(folder is null
            ? $"fixture folder absent: checked {payloads.Count} built payloads"
            : $"checked {fixtures.Count} real fixtures from {folder} and {payloads.Count - fixtures.Count} built payloads");

        foreach (var (name, body) in payloads)
        {
            var result = MetaWebhookParser.Parse(body);
            Assert.True(result.IsSuccess, $"{name}: {result.Error}");
            Assert.True(result.Batch!.ItemCount >= 1, $"{name}: no message, status or error");
            Assert.True(result.Batch.Unrecognized.Count == 0, $"{name}: {string.Join("; ", result.Batch.Unrecognized)}");
        }
    }

    private static string? FindFixtureFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Conversations.sln")))
            {
                var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "fixtures", "webhooks"));
                return Directory.Exists(folder) ? folder : null;
            }
        }

        return null;
    }
}
