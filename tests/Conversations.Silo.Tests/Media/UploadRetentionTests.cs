using System.Net;
using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Silo.Tests.Admin;
using Conversations.Silo.Tests.Support;
using Conversations.Testing.Postgres;
using Conversations.Testing.Time;

namespace Conversations.Silo.Tests.Media;

/// <summary>
/// Retention and erasure of the media operators upload, end to end on a silo whose clock the test moves:
/// an upload sent in a transcript entry that retention purged goes with it, an upload never sent goes once
/// older than the retention (the periodic sweep, with no conversation to purge), a fresh upload stays; an
/// erasure takes the uploads sent only to that customer and keeps one also sent to another.
/// </summary>
public abstract class UploadRetentionTests(ClockedSiloStorage storage)
{
    [Fact]
    public async Task RetentionDeletesUploadsSentInPurgedEntriesAndUploadsNeverSentButKeepsAFreshOne()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var silo = await storage.StartAsync(clock, new Dictionary<string, string?> { ["Conversations:Media:RetentionSweepInterval"] = "00:00:01" });
        var root = new ConversationsClient(silo.Client, ClockedSiloStorage.AdminKey);
        var (brandId, number) = await NewBrandAsync(root);
        var idleBrandId = AdminData.NewBrandId();
        await root.PutBrandAsync(idleBrandId, new BrandRequest("Idle", new BrandSettingsDto(RetentionDays: 1)));
        var ana = AdminData.NewCustomer();
        await root.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, ana, "Can I see the invoice?"));
        var (sent, sentBytes) = await UploadAsync(root, brandId);
        var (neverSent, neverSentBytes) = await UploadAsync(root, brandId);
        var (idle, idleBytes) = await UploadAsync(root, idleBrandId);
        await root.SendMessageAsync(brandId, $"{number}-{ana}", new SendMessageRequest(Media: new MediaMessageDto(sent, null, null)));
        await Poll.UntilAsync(async () => (await root.ListMessagesAsync(brandId, $"{number}-{ana}")).Items.FirstOrDefault(m => m.Direction == "outbound"));
        foreach (var (brand, id, bytes) in new (string, string, byte[])[] { (brandId, sent, sentBytes), (brandId, neverSent, neverSentBytes), (idleBrandId, idle, idleBytes) })
        {
            using var download = await root.DownloadMediaAsync(brand, id);
            Assert.True(await storage.HoldsMediaBytesAsync(silo, brand, bytes));
        }

        // Three days on, the retention timer purges the first day (retention: 1 day), its media.purge message
        // sweeps the brand's uploads, and the periodic sweep takes the idle brand's.
        clock.Advance(TimeSpan.FromDays(3));
        var (fresh, freshBytes) = await UploadAsync(root, brandId);
        await Poll.UntilAsync(async () => (await root.ListMessagesAsync(brandId, $"{number}-{ana}")).Items.Count == 0 ? "purged" : null);
        foreach (var (brand, id, bytes) in new (string, string, byte[])[] { (brandId, sent, sentBytes), (brandId, neverSent, neverSentBytes), (idleBrandId, idle, idleBytes) })
        {
            await Poll.UntilAsync(async () => await StatusAsync(root, brand, id) == HttpStatusCode.NotFound ? "gone" : null);
            Assert.False(await storage.HoldsMediaBytesAsync(silo, brand, bytes), $"the bytes of {id} are still stored");
        }

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(root, brandId, fresh));
        Assert.True(await storage.HoldsMediaBytesAsync(silo, brandId, freshBytes));
    }

    [Fact]
    public async Task AnErasureDeletesTheUploadsSentOnlyToThatCustomerAndKeepsOneSentToAnother()
    {
        await using var silo = await storage.StartAsync(new ManualClock(DateTimeOffset.UtcNow));
        var root = new ConversationsClient(silo.Client, ClockedSiloStorage.AdminKey);
        var (brandId, number) = await NewBrandAsync(root);
        var (cy, dan) = (AdminData.NewCustomer(), AdminData.NewCustomer());
        await root.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, cy, "Send me my contract"));
        await root.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, dan, "Send me the catalogue"));
        var (contract, contractBytes) = await UploadAsync(root, brandId);
        var (catalogue, catalogueBytes) = await UploadAsync(root, brandId);
        await root.SendMessageAsync(brandId, $"{number}-{cy}", new SendMessageRequest(Media: new MediaMessageDto(contract, null, null)));
        await root.SendMessageAsync(brandId, $"{number}-{cy}", new SendMessageRequest(Media: new MediaMessageDto(catalogue, null, null)));
        await root.SendMessageAsync(brandId, $"{number}-{dan}", new SendMessageRequest(Media: new MediaMessageDto(catalogue, null, null)));

        var erased = await root.EraseConversationAsync(brandId, $"{number}-{cy}");

        Assert.Equal(1, erased.MediaDeleted);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(root, brandId, contract));
        Assert.False(await storage.HoldsMediaBytesAsync(silo, brandId, contractBytes));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(root, brandId, catalogue));
        Assert.True(await storage.HoldsMediaBytesAsync(silo, brandId, catalogueBytes));
    }

    private static async Task<(string BrandId, string Number)> NewBrandAsync(ConversationsClient root)
    {
        var brandId = AdminData.NewBrandId();
        await root.PutBrandAsync(brandId, new BrandRequest("Acme", new BrandSettingsDto(RetentionDays: 1)));
        var number = AdminData.NewNumber();
        await root.PutSandboxNumberAsync(brandId, number);
        await root.PurchaseCreditsAsync(brandId, new PurchaseRequest(1));
        return (brandId, number);
    }

    /// <summary>Uploads a JPEG of random bytes; returns its id and a slice of its bytes to look for in the store.</summary>
    private static async Task<(string MediaId, byte[] Slice)> UploadAsync(ConversationsClient root, string brandId)
    {
        var bytes = MediaSamples.Jpeg();
        using var content = new MemoryStream(bytes);
        var uploaded = await root.UploadMediaAsync(brandId, content, "invoice.jpg", "image/jpeg");
        return (uploaded.MediaId, bytes[1_000..1_064]);
    }

    private static async Task<HttpStatusCode> StatusAsync(ConversationsClient root, string brandId, string mediaId)
    {
        try
        {
            using var download = await root.DownloadMediaAsync(brandId, mediaId);
            return HttpStatusCode.OK;
        }
        catch (ConversationsApiException refused)
        {
            return refused.StatusCode;
        }
    }
}

public sealed class SqliteUploadRetentionTests() : UploadRetentionTests(new SqliteClockedStorage());

[Collection(ClockedPostgresCollectionDefinition.Name)]
public sealed class PostgresUploadRetentionTests(PostgresFixture postgres) : UploadRetentionTests(new PostgresClockedStorage(postgres));
