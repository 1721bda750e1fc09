using System.Text.Json;
using Conversations.Grains.Conversations;

namespace Conversations.Grains.Tests.Conversations;

/// <summary>
/// Retention, on a manual clock: the durable purge timer deletes transcript days older than the
/// brand's retention, keeps the rest, and a late status never brings a purged entry back. Erasure on
/// request removes everything and leaves an audit row without personal data.
/// </summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task DaysOlderThanTheRetentionArePurgedAndNewerOnesKept()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        await Given.BrandAsync(host, brandId, Given.Settings with { RetentionDays = 2 });
        var conversation = Given.Conversation(host, brandId);

        await conversation.ReceiveAsync(new InboundMessage("wamid.day0", "day zero"));
        await host.AdvanceAsync(TimeSpan.FromDays(1));
        await conversation.ReceiveAsync(new InboundMessage("wamid.day1", "day one"));
        await host.AdvanceAsync(TimeSpan.FromDays(1));
        await conversation.ReceiveAsync(new InboundMessage("wamid.day2", "day two"));
        var beforePurge = await TextsAsync(host, brandId);
        await host.AdvanceAsync(TimeSpan.FromDays(1));

        Assert.Equal(["day zero", "day one", "day two"], beforePurge);
        Assert.Equal(["day one", "day two"], await TextsAsync(host, brandId));
        var purge = await host.PublishedAsync(m => m.Topic == ProjectionCollections.MediaPurgeTopic);
        Assert.Equal(
            new MediaPurge(brandId, $"{Given.BusinessNumber}-{Given.UkCustomer}", 2),
            JsonSerializer.Deserialize<MediaPurge>(purge.Payload, GrainJson.Options));
        await host.AdvanceAsync(TimeSpan.FromDays(3));
        Assert.Empty(await TextsAsync(host, brandId));
        Assert.Equal(3, (await conversation.GetAsync()).TranscriptLength);
    }

    [Fact]
    public async Task ErasureOnRequestRemovesTheTranscriptAndLeavesAnAuditRowWithoutTheCustomer()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        await Given.BrandAsync(host, brandId);
        var conversation = Given.Conversation(host, brandId);
        await conversation.ReceiveAsync(new InboundMessage("wamid.1", "my address is 1 Main St") { Sender = new CustomerIdentity(Given.UkCustomer, null, "Ana") });

        var erased = await conversation.EraseOnRequestAsync("erasure-1", "key-9");

        Assert.Empty(await TextsAsync(host, brandId));
        Assert.Null((await conversation.GetAsync()).Chat);
        var audit = Assert.Single(await host.RowsAsync(ProjectionCollections.Erasures, brandId));
        Assert.DoesNotContain(Given.UkCustomer, audit.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana", audit.Body, StringComparison.Ordinal);
        Assert.Equal((1L, "key-9"), (erased.TranscriptEntries, erased.RequestedBy));
    }

    private static async Task<List<string?>> TextsAsync(GrainHost host, string brandId)
    {
        var rows = await host.RowsAsync(ProjectionCollections.Messages, new ConversationKey(brandId, Given.BusinessNumber, Given.UkCustomer).ToString());
        return rows.Select(r => JsonSerializer.Deserialize<TranscriptEntry>(r.Body, GrainJson.Options)!).OrderBy(e => e.Seq).Select(e => e.Text).ToList();
    }
}
