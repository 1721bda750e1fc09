using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conversations.Channels.Twilio.Validation;
using Conversations.Client.Contracts;
using Conversations.Domain.Billing;
using Conversations.Domain.Brands;
using Conversations.Domain.Messaging;
using Conversations.Domain.Numbers;
using Conversations.Grains;
using Conversations.Grains.Conversations;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Silo.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Silo.Tests.Webhooks;

/// <summary>
/// What a webhook leaves in the transcript (media, places, reactions, unsupported messages recorded as
/// such), who the customer is (one person known by number and by business-scoped user id stays one
/// conversation), and why a delivery failed.
/// </summary>
public abstract class TranscriptTests(AdminSilo silo)
{
    private const string AuthToken = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    [Fact]
    public async Task TwilioMediaAndLocationAreRecordedAsSuch()
    {
        var (brandId, number) = await NewTwilioBrandAsync();
        var customer = AdminData.NewCustomer();
        var photo = Inbound("MM" + Guid.NewGuid().ToString("N"), number, $"whatsapp:+{customer}", "look at this", "image");
        photo.AddRange([new("NumMedia", "1"), new("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1"), new("MediaContentType0", "image/jpeg")]);
        var place = Inbound("SM" + Guid.NewGuid().ToString("N"), number, $"whatsapp:+{customer}", string.Empty, "location");
        place.AddRange([new("Latitude", "52.3676"), new("Longitude", "4.9041"), new("Address", "Dam 1, Amsterdam"), new("Label", "Shop")]);

        using var first = await PostTwilioAsync(brandId, photo);
        using var second = await PostTwilioAsync(brandId, place);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        var entries = await TranscriptAsync(new ConversationKey(brandId, number, customer));
        Assert.Equal(2, entries.Count);
        var image = entries[0];
        Assert.Equal((TranscriptEntry.Inbound, MessageKinds.Image, "look at this"), (image.Direction, image.Kind, image.Text));
        Assert.Equal(("image/jpeg", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1"), (image.Attachments[0].ContentType, image.Attachments[0].Url));
        var location = entries[1];
        Assert.Equal(MessageKinds.Location, location.Kind);
        Assert.Equal((52.3676, 4.9041, "Shop", "Dam 1, Amsterdam"), (location.Location!.Latitude, location.Location.Longitude, location.Location.Name, location.Location.Address));
        Assert.Equal(2, entries[1].Seq);
    }

    [Fact]
    public async Task TwilioCustomerKnownByUserIdKeepsOneConversationWhenTheNumberAppears()
    {
        var (brandId, number) = await NewTwilioBrandAsync();
        var customer = AdminData.NewCustomer();
        var userId = "US." + customer;
        var hidden = Inbound("SM" + Guid.NewGuid().ToString("N"), number, $"whatsapp:{userId}", "first, number hidden", "text");
        hidden.Add(new("ExternalUserId", $"whatsapp:{userId}"));
        var shown = Inbound("SM" + Guid.NewGuid().ToString("N"), number, $"whatsapp:+{customer}", "second, number shown", "text");
        shown.Add(new("ExternalUserId", $"whatsapp:{userId}"));

        using var first = await PostTwilioAsync(brandId, hidden);
        using var second = await PostTwilioAsync(brandId, shown);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        var conversation = await Grains.GetGrain<IConversationGrain>(new ConversationKey(brandId, number, userId).ToString()).GetAsync();
        Assert.Equal(2, conversation.TranscriptLength);
        Assert.Equal((customer, userId, "Ana"), (conversation.Identity!.Phone, conversation.Identity.UserId, conversation.Identity.ProfileName));
        Assert.Null((await Grains.GetGrain<IConversationGrain>(new ConversationKey(brandId, number, customer).ToString()).GetAsync()).Chat);
    }

    [Fact]
    public async Task MetaMessagesOfEveryKindAreRecordedAsWhatTheyAre()
    {
        var (brandId, phoneNumberId, number) = await NewMetaNumberAsync();
        var customer = AdminData.NewCustomer();
        var at = DateTimeOffset.UtcNow.AddSeconds(-30);
        var body = new MetaPayload(phoneNumberId, number)
            .Message(Contact(customer, null), Message(customer, null, "wamid.img", at, "image", new JsonObject
            {
                ["caption"] = "the receipt", ["mime_type"] = "image/jpeg", ["sha256"] = "abc=", ["id"] = "1003383421387256",
            }))
            .Message(Contact(customer, null), Message(customer, null, "wamid.loc", at.AddSeconds(1), "location", new JsonObject
            {
                ["latitude"] = 38.9, ["longitude"] = -77.03, ["name"] = "Office", ["address"] = "1 Main St",
            }))
            .Message(Contact(customer, null), Message(customer, null, "wamid.react", at.AddSeconds(2), "reaction", new JsonObject
            {
                ["message_id"] = "wamid.ours", ["emoji"] = "\U0001F44D",
            }))
            .Message(Contact(customer, null), Message(customer, null, "wamid.unsup", at.AddSeconds(3), "unsupported", null))
            .Build();

        using var response = await PostMetaAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = await TranscriptAsync(new ConversationKey(brandId, number, customer));
        Assert.Equal([MessageKinds.Image, MessageKinds.Location, MessageKinds.Reaction, MessageKinds.Unsupported], entries.Select(e => e.Kind));
        Assert.Equal(("1003383421387256", "image/jpeg", "the receipt"), (entries[0].Attachments[0].MediaId, entries[0].Attachments[0].ContentType, entries[0].Text));
        Assert.Equal(at.ToUnixTimeSeconds(), entries[0].At.ToUnixTimeSeconds());
        Assert.Equal(("Office", "1 Main St"), (entries[1].Location!.Name, entries[1].Location!.Address));
        Assert.Equal(("\U0001F44D", "wamid.ours"), (entries[2].Text, entries[2].ReplyTo));
        Assert.Equal("wamid.unsup", entries[3].ProviderMessageId);
    }

    [Fact]
    public async Task MetaCustomerSeenByNumberThenByUserIdAloneStaysInOneConversation()
    {
        var (brandId, phoneNumberId, number) = await NewMetaNumberAsync();
        var customer = AdminData.NewCustomer();
        var userId = "US.1" + customer;
        var now = DateTimeOffset.UtcNow;
        var withNumber = new MetaPayload(phoneNumberId, number)
            .Message(Contact(customer, userId), Message(customer, userId, "wamid.a" + customer, now.AddSeconds(-2), "text", new JsonObject { ["body"] = "hello" }))
            .Build();
        var userIdOnly = new MetaPayload(phoneNumberId, number)
            .Message(Contact(null, userId), Message(null, userId, "wamid.b" + customer, now.AddSeconds(-1), "text", new JsonObject { ["body"] = "still me" }))
            .Build();

        using var first = await PostMetaAsync(withNumber);
        using var second = await PostMetaAsync(userIdOnly);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        var entries = await TranscriptAsync(new ConversationKey(brandId, number, customer));
        Assert.Equal(["hello", "still me"], entries.Select(e => e.Text));
        Assert.Null((await Grains.GetGrain<IConversationGrain>(new ConversationKey(brandId, number, userId).ToString()).GetAsync()).Chat);
    }

    [Fact]
    public async Task FailedStatusRecordsTheOperatorsReasonAndReleasesTheCreditOnce()
    {
        var (brandId, phoneNumberId, number) = await NewMetaNumberAsync();
        await silo.Root.PurchaseCreditsAsync(brandId, new PurchaseRequest(1));
        var customer = AdminData.NewCustomer();
        var key = new ConversationKey(brandId, number, customer).ToString();
        var template = new MessageTemplate("promo", "en", TemplateCategory.Marketing, TemplateStatus.Approved, "Sale {{1}}", "promo");
        var sent = await Grains.GetGrain<IConversationGrain>(key).SendAsync(new OutboundMessage("out-failed", ChannelProvider.Meta, new TemplateContent(template, ["now"])));
        Assert.True(sent.IsAccepted, sent.Refusal?.Message);
        var body = new MetaPayload(phoneNumberId, number)
            .Failed("wamid.provider.failed", customer, $"{key}|out-failed", DateTimeOffset.UtcNow, 131047, "More than 24 hours have passed since the customer last replied.")
            .Build();

        using var first = await PostMetaAsync(body);
        using var replay = await PostMetaAsync(body);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, replay.StatusCode));
        var delivery = Assert.Single((await Grains.GetGrain<IConversationGrain>(key).GetAsync()).Deliveries);
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal(("outside_window", "131047"), (delivery.Failure!.Reason, delivery.Failure.ProviderCode));
        Assert.Equal("wamid.provider.failed", delivery.ProviderMessageId);
        Assert.True(delivery.Times.ContainsKey(DeliveryStatus.Failed));
        Assert.Single((await silo.Root.GetCreditsAsync(brandId)).Ledger, l => l.Kind == "release");
        var entry = Assert.Single(await TranscriptAsync(new ConversationKey(brandId, number, customer)));
        Assert.Equal((TranscriptEntry.Outbound, MessageKinds.Template, "promo", "outside_window"), (entry.Direction, entry.Kind, entry.TemplateName, entry.Delivery!.Failure!.Reason));
    }

    [Fact]
    public async Task TwilioMessageToANumberTheBrandDoesNotHoldIsAcknowledgedAndNotRecorded()
    {
        var (brandId, _) = await NewTwilioBrandAsync();
        var elsewhere = AdminData.NewNumber();
        var customer = AdminData.NewCustomer();

        using var response = await PostTwilioAsync(brandId, Inbound("SM" + Guid.NewGuid().ToString("N"), elsewhere, $"whatsapp:+{customer}", "hello?", "text"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await TranscriptAsync(new ConversationKey(brandId, elsewhere, customer)));
        Assert.Null((await Grains.GetGrain<IConversationGrain>(new ConversationKey(brandId, elsewhere, customer).ToString()).GetAsync()).Chat);
    }

    [Fact]
    public async Task ErasingAConversationRemovesItsTranscript()
    {
        var (brandId, number) = await NewTwilioBrandAsync();
        var customer = AdminData.NewCustomer();
        using var response = await PostTwilioAsync(brandId, Inbound("SM" + Guid.NewGuid().ToString("N"), number, $"whatsapp:+{customer}", "please forget me", "text"));
        var key = new ConversationKey(brandId, number, customer);
        Assert.Single(await TranscriptAsync(key));

        await Grains.GetGrain<IConversationGrain>(key.ToString()).EraseAsync();

        Assert.Empty(await TranscriptAsync(key));
    }

    private IGrainFactory Grains => silo.Silo.Services.GetRequiredService<IGrainFactory>();

    private async Task<List<TranscriptEntry>> TranscriptAsync(ConversationKey key)
    {
        var rows = await silo.Silo.Services.GetRequiredService<IGrainStorage>().ListRowsAsync(ProjectionCollections.Messages, key.ToString(), null, 100, CancellationToken.None);
        return rows.Select(r => JsonSerializer.Deserialize<TranscriptEntry>(r.Body, GrainJson.Options)!).OrderBy(e => e.Seq).ToList();
    }

    private static JsonObject Contact(string? phone, string? userId)
    {
        var contact = new JsonObject { ["profile"] = new JsonObject { ["name"] = "Ana" } };
        if (phone is not null)
        {
            contact["wa_id"] = phone;
        }

        if (userId is not null)
        {
            contact["user_id"] = userId;
        }

        return contact;
    }

    private static JsonObject Message(string? from, string? userId, string wamid, DateTimeOffset at, string type, JsonObject? content)
    {
        var message = new JsonObject
        {
            ["id"] = wamid,
            ["timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["type"] = type,
        };
        if (from is not null)
        {
            message["from"] = from;
        }

        if (userId is not null)
        {
            message["from_user_id"] = userId;
        }

        if (content is not null)
        {
            message[type] = content;
        }
        else
        {
            message["errors"] = new JsonArray(new JsonObject { ["code"] = 131051, ["title"] = "Message type unknown", ["message"] = "Message type unknown" });
        }

        return message;
    }

    private static List<KeyValuePair<string, string>> Inbound(string sid, string to, string from, string body, string type) =>
    [
        new("MessageSid", sid), new("SmsMessageSid", sid), new("AccountSid", "AC0123456789abcdef0123456789abcdef"), new("To", $"whatsapp:+{to}"),
        new("From", from), new("Body", body), new("ProfileName", "Ana"), new("MessageType", type), new("ApiVersion", "2010-04-01"),
    ];

    private async Task<HttpResponseMessage> PostTwilioAsync(string brandId, List<KeyValuePair<string, string>> form)
    {
        var numMedia = form.FindLastIndex(p => p.Key == "NumMedia");
        if (numMedia < 0)
        {
            form.Add(new("NumMedia", "0"));
        }

        var url = new Uri(silo.Silo.Client.BaseAddress!, $"/webhooks/twilio/{brandId}").AbsoluteUri;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioRequestValidator.ComputeSignature(AuthToken, url, form));
        return await silo.Silo.Client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PostMetaAsync(byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhooks/meta", UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Hub-Signature-256", MetaPayload.Sign(body, AdminSilo.MetaAppSecret));
        return await silo.Silo.Client.SendAsync(request);
    }

    private async Task<(string BrandId, string Number)> NewTwilioBrandAsync()
    {
        var brandId = await silo.NewBrandAsync();
        var number = AdminData.NewNumber();
        await silo.Root.PutTwilioAccountAsync(brandId, new TwilioAccountRequest(number, "AC0123456789abcdef0123456789abcdef", AuthToken));
        return (brandId, number);
    }

    private async Task<(string BrandId, string PhoneNumberId, string Number)> NewMetaNumberAsync()
    {
        var brandId = await silo.NewBrandAsync();
        var phoneNumberId = AdminData.NewMetaId();
        var number = AdminData.NewNumber();
        await silo.Root.PutMetaAccountAsync(brandId, phoneNumberId, new MetaAccountRequest("102290129340398", "Acme WABA", number, "Acme", "EAAG-meta-access-token-for-tests"));
        return (brandId, phoneNumberId, number);
    }
}

[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteTranscriptTests(SqliteAdminSilo silo) : TranscriptTests(silo);

[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class PostgresTranscriptTests(PostgresAdminSilo silo) : TranscriptTests(silo);
