using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Conversations.Client.Contracts;
using Conversations.Domain.Messaging;
using Conversations.Domain.Numbers;
using Conversations.Grains.Conversations;
using Conversations.Runtime.Grains;
using Conversations.Silo.Media;
using Conversations.Silo.Tests.Admin;
using Conversations.Silo.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Silo.Tests.Media;

/// <summary>Sending an uploaded attachment: to Twilio as a signed, expiring link of ours; to Meta by upload, then by the uploaded id; to the sandbox as a reference.</summary>
public abstract class MediaSendingTests(MediaSilo silo)
{
    [Fact]
    public async Task TwilioSendCarriesASignedMediaUrlFetchableWithoutCredentialsUntilItExpires()
    {
        var brandId = await silo.NewBrandAsync();
        var number = AdminData.NewNumber();
        var (sid, token) = (AdminData.NewAccountSid(), AdminData.NewAuthToken());
        await silo.Root.PutTwilioAccountAsync(brandId, new TwilioAccountRequest(number, sid, token));
        var bytes = MediaSamples.Jpeg(120_000);
        var uploaded = await silo.Root.UploadMediaAsync(brandId, new MemoryStream(bytes), "receipt.jpg", "image/jpeg");
        var customer = AdminData.NewCustomer();

        var sent = await SendAsync(brandId, number, customer, ChannelProvider.Twilio, uploaded);

        Assert.True(sent.IsAccepted, sent.Refusal?.Message);
        var form = await Poll.UntilAsync(() => Task.FromResult(silo.Providers.TwilioSends.FirstOrDefault(f => f.Any(p => p.Key == "To" && p.Value == $"whatsapp:+{customer}"))));
        var mediaUrl = new Uri(Assert.Single(form, p => p.Key == "MediaUrl").Value);
        Assert.Equal("Your receipt", Assert.Single(form, p => p.Key == "Body").Value);
        Assert.StartsWith($"{silo.PublicBaseUrl}/media/", mediaUrl.AbsoluteUri, StringComparison.Ordinal);
        var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(System.Web.HttpUtility.ParseQueryString(mediaUrl.Query)["expires"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddMinutes(55), DateTimeOffset.UtcNow.AddMinutes(61));

        using var anonymous = new HttpClient();
        using var fetched = await anonymous.GetAsync(mediaUrl);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(MediaUploadTests.Sha256(bytes), Convert.ToHexStringLower(SHA256.HashData(await fetched.Content.ReadAsByteArrayAsync())));

        var tampered = new Uri(mediaUrl.AbsoluteUri.Replace("sig=", "sig=A", StringComparison.Ordinal));
        var otherMedia = new Uri(mediaUrl.AbsoluteUri.Replace(uploaded.MediaId, "med_" + Guid.NewGuid().ToString("N"), StringComparison.Ordinal));
        var expired = silo.Silo.Services.GetRequiredService<MediaUrlSigner>().Link(silo.PublicBaseUrl, brandId, uploaded.MediaId, DateTimeOffset.UtcNow.AddSeconds(-1));
        foreach (var refusedUrl in new[] { tampered, otherMedia, expired })
        {
            using var refused = await anonymous.GetAsync(refusedUrl);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
    }

    [Fact]
    public async Task MetaSendUploadsTheFileThenReferencesTheUploadedId()
    {
        var brandId = await silo.NewBrandAsync();
        var number = AdminData.NewNumber();
        var (phoneNumberId, token) = (AdminData.NewMetaId(), AdminData.NewAccessToken());
        await silo.Root.PutMetaAccountAsync(brandId, phoneNumberId, new MetaAccountRequest(AdminData.NewMetaId(), "Acme WABA", number, "Acme", token));
        var bytes = MediaSamples.Pdf();
        var uploaded = await silo.Root.UploadMediaAsync(brandId, new MemoryStream(bytes), "invoice-1042.pdf", "application/pdf");
        var customer = AdminData.NewCustomer();

        var sent = await SendAsync(brandId, number, customer, ChannelProvider.Meta, uploaded);

        Assert.True(sent.IsAccepted, sent.Refusal?.Message);
        var upload = await Poll.UntilValueAsync(() => silo.Providers.MetaUploads.Where(u => u.PhoneNumberId == phoneNumberId).Select(u => (u.Fields, u.FileSha256, u.FileName, u.FileType, u.MediaId)).Cast<(Dictionary<string, string>, string, string?, string?, string)?>().FirstOrDefault());
        Assert.Equal(("whatsapp", "application/pdf"), (upload.Item1["messaging_product"], upload.Item1["type"]));
        Assert.Equal((MediaUploadTests.Sha256(bytes), "invoice-1042.pdf", "application/pdf"), (upload.Item2, upload.Item3, upload.Item4));
        var body = await Poll.UntilAsync(() => Task.FromResult(silo.Providers.MetaSends.FirstOrDefault(s => s.Contains(customer, StringComparison.Ordinal))));
        using var message = JsonDocument.Parse(body);
        Assert.Equal("document", message.RootElement.GetProperty("type").GetString());
        var document = message.RootElement.GetProperty("document");
        Assert.Equal((upload.Item5, "Your receipt", "invoice-1042.pdf"), (document.GetProperty("id").GetString(), document.GetProperty("caption").GetString(), document.GetProperty("filename").GetString()));
    }

    [Fact]
    public async Task SandboxRecordsTheMediaReference()
    {
        var brandId = await silo.NewBrandAsync();
        var number = AdminData.NewNumber();
        await silo.Root.PutSandboxNumberAsync(brandId, number);
        var uploaded = await silo.Root.UploadMediaAsync(brandId, new MemoryStream(MediaSamples.Png()), "map.png", "image/png");
        var customer = AdminData.NewCustomer();

        var sent = await SendAsync(brandId, number, customer, ChannelProvider.Sandbox, uploaded);

        Assert.True(sent.IsAccepted, sent.Refusal?.Message);
        var outbound = await Poll.UntilAsync(async () => await silo.Root.SandboxOutboundAsync(brandId, customer) is [var first, ..] ? first : null);
        Assert.Equal((uploaded.MediaId, "image/png", true), (outbound.Media?.MediaId, outbound.Media?.ContentType, outbound.HasMedia));
    }

    private IGrainFactory Grains => silo.Silo.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Opens the window with a customer message, then sends the upload with a caption through the grain.</summary>
    private async Task<SendResult> SendAsync(string brandId, string number, string customer, ChannelProvider provider, MediaUploaded uploaded)
    {
        var conversation = Grains.GetGrain<IConversationGrain>(new ConversationKey(brandId, number, customer).ToString());
        await conversation.ReceiveAsync(new InboundMessage("SM" + Guid.NewGuid().ToString("N"), "Can you send my receipt?"));
        return await conversation.SendAsync(new OutboundMessage($"msg-{Guid.NewGuid():N}", provider, new FreeFormContent("Your receipt", HasMedia: true))
        {
            Media = new MessageAttachment(uploaded.MediaId, null, uploaded.ContentType),
        });
    }
}

[Collection(SqliteMediaCollectionDefinition.Name)]
public sealed class SqliteMediaSendingTests(SqliteMediaSilo silo) : MediaSendingTests(silo);

[Collection(PostgresMediaCollectionDefinition.Name)]
public sealed class PostgresMediaSendingTests(PostgresMediaSilo silo) : MediaSendingTests(silo);
