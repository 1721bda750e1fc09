using Conversations.Silo.Media;
using Conversations.Silo.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Silo.Tests.Media;

/// <summary>
/// Retention and erasure of cached customer media in the deployment's store: a purge takes the media
/// of the transcript entries it purged and nothing else; an erasure takes all of one conversation's.
/// </summary>
public abstract class MediaRetentionTests(AdminSilo silo)
{
    [Fact]
    public async Task APurgeTakesOnlyTheMediaOfPurgedEntriesOfThatConversation()
    {
        var store = silo.Silo.Services.GetRequiredService<IMediaStore>();
        var brandId = await silo.NewBrandAsync();
        var conversation = $"{AdminData.NewNumber()}-{AdminData.NewCustomer()}";
        var other = $"{AdminData.NewNumber()}-{AdminData.NewCustomer()}";
        foreach (var id in (string[])[$"in-1-0-{conversation}", $"in-1-1-{conversation}", $"in-5-0-{conversation}", $"in-1-0-{other}"])
        {
            using var bytes = new MemoryStream(MediaSamples.Jpeg());
            await store.SaveAsync(new NewMedia(brandId, id, "image/jpeg", null, MediaOrigins.Inbound), bytes, 10_000_000, CancellationToken.None);
        }

        var purged = await store.DeleteInboundAsync(brandId, conversation, CancellationToken.None, beforeSeq: 5);

        Assert.Equal(2, purged);
        Assert.Null(await store.FindAsync(brandId, $"in-1-0-{conversation}", CancellationToken.None));
        Assert.NotNull(await store.FindAsync(brandId, $"in-5-0-{conversation}", CancellationToken.None));
        Assert.NotNull(await store.FindAsync(brandId, $"in-1-0-{other}", CancellationToken.None));
        Assert.Equal(1, await store.DeleteInboundAsync(brandId, conversation, CancellationToken.None));
        Assert.Null(await store.FindAsync(brandId, $"in-5-0-{conversation}", CancellationToken.None));
    }
}

[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteMediaRetentionTests(SqliteAdminSilo silo) : MediaRetentionTests(silo);

[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class PostgresMediaRetentionTests(PostgresAdminSilo silo) : MediaRetentionTests(silo);
