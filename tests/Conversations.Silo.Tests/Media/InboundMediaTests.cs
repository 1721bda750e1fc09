using System.Net;
using System.Security.Cryptography;
using System.Text;
using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Grains.Conversations;
using Conversations.Runtime.Grains;
using Conversations.Silo.Access;
using Conversations.Silo.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Silo.Tests.Media;

/// <summary>A customer's media: fetched from the provider's own hosts with the number's credentials on first access, then served from the cache.</summary>
public abstract class InboundMediaTests(MediaSilo silo)
{
    [Fact]
    public async Task TwilioMediaIsFetchedOnceWithBasicAuthThroughTheRedirectThenServedFromTheCache()
    {
        var (brandId, number, accountSid) = await NewTwilioBrandAsync();
        var customer = AdminData.NewCustomer();
        var mediaSid = "ME" + Guid.NewGuid().ToString("N");
        var bytes = MediaSamples.Jpeg(300_000);
        silo.Providers.Files[mediaSid] = (bytes, "image/jpeg");
        var url = $"{silo.Providers.Base}/2010-04-01/Accounts/{accountSid}/Messages/MM{Guid.NewGuid():N}/Media/{mediaSid}";
        await ReceiveAsync(brandId, number, customer, new MessageAttachment(null, url, "image/jpeg"));
        var operatorKey = await silo.NewKeyAsync(brandId, Roles.Operator);
        var mediaId = InboundMediaId.Format($"{number}-{customer}", 1, 0);

        var first = await DownloadShaAsync(operatorKey, brandId, mediaId);
        var second = await DownloadShaAsync(operatorKey, brandId, mediaId);

        Assert.Equal((Sha256(bytes), Sha256(bytes)), (first, second));
        var requests = silo.Providers.Requests.Where(r => r.Path.Contains(mediaSid, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{accountSid}:{silo.Providers.TwilioTokens[accountSid]}")), requests[0].Authorization);
        Assert.StartsWith("/twilio-cdn/", requests[1].Path, StringComparison.Ordinal);
        Assert.Equal(string.Empty, requests[1].Authorization);
    }

    [Fact]
    public async Task MetaMediaIsResolvedByItsIdThenDownloadedWithTheBearerToken()
    {
        var (brandId, number, token) = await NewMetaBrandAsync();
        var customer = AdminData.NewCustomer();
        var metaMediaId = AdminData.NewMetaId();
        var bytes = MediaSamples.Pdf();
        silo.Providers.Files[metaMediaId] = (bytes, "application/pdf");
        await ReceiveAsync(brandId, number, customer, new MessageAttachment(metaMediaId, null, "application/pdf", "invoice.pdf"));

        await using var download = await silo.Root.DownloadMediaAsync(brandId, InboundMediaId.Format($"{number}-{customer}", 1, 0));

        Assert.Equal(Sha256(bytes), Convert.ToHexStringLower(await SHA256.HashDataAsync(download.Content)));
        Assert.Equal(("application/pdf", "invoice.pdf"), (download.ContentType, download.FileName));
        var requests = silo.Providers.Requests.Where(r => r.Path.Contains(metaMediaId, StringComparison.Ordinal)).ToList();
        Assert.Equal(($"/v26.0/{metaMediaId}", $"/lookaside/{metaMediaId}"), (requests[0].Path, requests[1].Path));
        Assert.All(requests, r => Assert.Equal($"Bearer {token}", r.Authorization));
    }

    [Theory]
    [InlineData("https://evil.example.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1")]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/security-credentials/")]
    [InlineData("loopback-other-port")]
    public async Task TwilioMediaUrlOffTwiliosHostsIsRefusedWithoutAnyRequest(string url)
    {
        await using var elsewhere = await FakeMediaProviders.StartAsync();
        var target = url == "loopback-other-port" ? $"{elsewhere.Base}/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1" : url;
        var (brandId, number, _) = await NewTwilioBrandAsync();
        var customer = AdminData.NewCustomer();
        await ReceiveAsync(brandId, number, customer, new MessageAttachment(null, target, "image/jpeg"));

        var refused = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.DownloadMediaAsync(brandId, InboundMediaId.Format($"{number}-{customer}", 1, 0)));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "media_host_not_allowed"), (refused.StatusCode, refused.Code));
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task MetaDownloadUrlOffMetasHostsIsRefusedWithoutAnyRequest()
    {
        await using var elsewhere = await FakeMediaProviders.StartAsync();
        var (brandId, number, _) = await NewMetaBrandAsync();
        var customer = AdminData.NewCustomer();
        var metaMediaId = AdminData.NewMetaId();
        silo.Providers.Files[metaMediaId] = (MediaSamples.Png(), "image/png");
        silo.Providers.MetaUrlOverrides[metaMediaId] = $"{elsewhere.Base}/lookaside/{metaMediaId}";
        await ReceiveAsync(brandId, number, customer, new MessageAttachment(metaMediaId, null, "image/png"));

        var refused = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.DownloadMediaAsync(brandId, InboundMediaId.Format($"{number}-{customer}", 1, 0)));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "media_host_not_allowed"), (refused.StatusCode, refused.Code));
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task InboundMediaOfAnotherBrandOrAMissingAttachmentIsNotFound()
    {
        var (brandId, number, _) = await NewTwilioBrandAsync();
        var other = await silo.NewBrandAsync();
        var customer = AdminData.NewCustomer();
        await ReceiveAsync(brandId, number, customer, new MessageAttachment(null, $"{silo.Providers.Base}/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1", "image/jpeg"));
        var mediaId = InboundMediaId.Format($"{number}-{customer}", 1, 0);

        var otherBrand = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.DownloadMediaAsync(other, mediaId));
        var noSuchIndex = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.DownloadMediaAsync(brandId, InboundMediaId.Format($"{number}-{customer}", 1, 1)));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (otherBrand.StatusCode, noSuchIndex.StatusCode));
    }

    private IGrainFactory Grains => silo.Silo.Services.GetRequiredService<IGrainFactory>();

    private async Task ReceiveAsync(string brandId, string number, string customer, MessageAttachment attachment)
    {
        var key = new ConversationKey(brandId, number, customer).ToString();
        await Grains.GetGrain<IConversationGrain>(key).ReceiveAsync(new InboundMessage("SM" + Guid.NewGuid().ToString("N"), null)
        {
            Kind = attachment.ContentType!.StartsWith("image/", StringComparison.Ordinal) ? MessageKinds.Image : MessageKinds.Document,
            Attachments = [attachment],
        });
    }

    private async Task<(string BrandId, string Number, string AccountSid)> NewTwilioBrandAsync()
    {
        var brandId = await silo.NewBrandAsync();
        var number = AdminData.NewNumber();
        var (sid, token) = (AdminData.NewAccountSid(), AdminData.NewAuthToken());
        silo.Providers.TwilioTokens[sid] = token;
        await silo.Root.PutTwilioAccountAsync(brandId, new TwilioAccountRequest(number, sid, token));
        return (brandId, number, sid);
    }

    private async Task<(string BrandId, string Number, string Token)> NewMetaBrandAsync()
    {
        var brandId = await silo.NewBrandAsync();
        var number = AdminData.NewNumber();
        var token = AdminData.NewAccessToken();
        silo.Providers.MetaTokens.Add(token);
        await silo.Root.PutMetaAccountAsync(brandId, AdminData.NewMetaId(), new MetaAccountRequest(AdminData.NewMetaId(), "Acme WABA", number, "Acme", token));
        return (brandId, number, token);
    }

    private static async Task<string> DownloadShaAsync(ConversationsClient client, string brandId, string mediaId)
    {
        await using var download = await client.DownloadMediaAsync(brandId, mediaId);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(download.Content));
    }

    private static string Sha256(byte[] bytes) => MediaUploadTests.Sha256(bytes);
}

[Collection(SqliteMediaCollectionDefinition.Name)]
public sealed class SqliteInboundMediaTests(SqliteMediaSilo silo) : InboundMediaTests(silo);

[Collection(PostgresMediaCollectionDefinition.Name)]
public sealed class PostgresInboundMediaTests(PostgresMediaSilo silo) : InboundMediaTests(silo);
