using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conversations.Channels.Twilio.Inbound;
using Conversations.Channels.Twilio.Validation;
using Conversations.Client.Contracts;
using Conversations.Grains;
using Conversations.Grains.Conversations;
using Conversations.Runtime.Storage;
using Conversations.Silo.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Conversations.Silo.Tests.Webhooks;

/// <summary>
/// Replays the real provider payloads of <c>../shared/fixtures/webhooks</c> (when that folder is beside
/// the repository), correctly signed, at a configured brand and number: every one gets a clear
/// answer, never a 5xx, and every message it carries is in the transcript as the kind it is. Where the folder is absent the test says so and checks the built payloads only.
/// </summary>
public abstract class FixtureReplayTests(AdminSilo silo, ITestOutputHelper output)
{
    private const string AuthToken = "f1e2d3c4b5a6978877665544332211aa";

    [Fact]
    public async Task EveryRealPayloadSignedAndAimedAtAConfiguredNumberGetsAClearAnswerNever5xxAndIsRecordedAsWhatItIs()
    {
        var folder = FindFixtures();
        var bodies = new List<(string Name, byte[] Body)>
        {
            ("built-meta-text", new MetaPayload("{phoneNumberId}", "{number}").Text("wamid.built", "447700900123", "hi", DateTimeOffset.UtcNow).Build()),
            ("built-twilio-text.txt", Encoding.UTF8.GetBytes("MessageSid=SMbuilt&From=whatsapp%3A%2B447700900123&To=whatsapp%3A%2B15550001111&Body=hi&NumMedia=0")),
        };
        if (folder is null)
        {
            output.WriteLine("../shared/fixtures/webhooks is absent here: only the payloads built by this test were replayed.");
        }
        else
        {
            bodies.AddRange(Directory.GetFiles(folder).Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal))
                .Select(f => (Path.GetFileName(f), f.EndsWith(".txt", StringComparison.Ordinal)
                    ? Encoding.UTF8.GetBytes(File.ReadAllText(f).TrimEnd('\r', '\n')) // the file's line ending is not part of the form body
                    : File.ReadAllBytes(f))));
        }

        var recorded = 0;
        foreach (var (name, raw) in bodies)
        {
            // A brand and numbers of its own per payload: the sources reuse message ids, which would read as retries.
            var brandId = await silo.NewBrandAsync();
            var twilioNumber = AdminData.NewNumber();
            var metaNumber = AdminData.NewNumber();
            var phoneNumberId = AdminData.NewMetaId();
            await silo.Root.PutTwilioAccountAsync(brandId, new TwilioAccountRequest(twilioNumber, "AC0123456789abcdef0123456789abcdef", AuthToken));
            await silo.Root.PutMetaAccountAsync(brandId, phoneNumberId, new MetaAccountRequest("102290129340398", "Acme", metaNumber, "Acme", "EAAG-token"));

            var isTwilio = name.EndsWith(".txt", StringComparison.Ordinal);
            var aimed = isTwilio ? raw : Aim(raw, phoneNumberId, metaNumber);
            var status = isTwilio ? await PostTwilioAsync(brandId, twilioNumber, aimed) : await PostMetaAsync(aimed);
            output.WriteLine($"{name}: {(int)status}");
            Assert.True((int)status < 500, $"{name} answered {(int)status}");
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{name} answered {(int)status}");
            if (status == HttpStatusCode.OK)
            {
                var expected = isTwilio ? ExpectedTwilio(aimed) : ExpectedMeta(aimed);
                foreach (var (messageId, customers, kind) in expected)
                {
                    var entry = await FindEntryAsync(brandId, isTwilio ? twilioNumber : metaNumber, customers, messageId);
                    Assert.True(entry is not null, $"{name}: message {messageId} was not recorded");
                    Assert.True(entry.Kind == kind, $"{name}: message {messageId} recorded as {entry.Kind}, not {kind}");
                    recorded++;
                }
            }
        }

        Assert.True(bodies.Count >= 2);
        Assert.True(recorded >= 2, $"only {recorded} messages were checked");
    }

    /// <summary>Each message of a Meta payload: its id, who may have sent it (number, user id), and the kind its <c>type</c> names.</summary>
    private static List<(string Id, string[] Customers, string Kind)> ExpectedMeta(byte[] body)
    {
        var expected = new List<(string, string[], string)>();
        var root = JsonNode.Parse(body);
        foreach (var value in (root?["entry"] as JsonArray ?? []).OfType<JsonObject>()
            .SelectMany(e => (e["changes"] as JsonArray ?? []).OfType<JsonObject>())
            .Select(c => c["value"]).OfType<JsonObject>())
        {
            var contacts = (value["contacts"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            foreach (var message in (value["messages"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (message["id"]?.GetValue<string>() is not { } id || message["type"]?.GetValue<string>() is not { } type)
                {
                    continue;
                }

                var customers = new[] { message["from"]?.GetValue<string>(), message["from_user_id"]?.GetValue<string>() }
                    .Concat(contacts.SelectMany(c => new[] { c["wa_id"]?.GetValue<string>(), c["user_id"]?.GetValue<string>() }))
                    .OfType<string>().Select(c => c.TrimStart('+')).Distinct(StringComparer.Ordinal).ToArray();
                expected.Add((id, customers, type switch
                {
                    "voice" => MessageKinds.Audio,
                    MessageKinds.Text or MessageKinds.Image or MessageKinds.Document or MessageKinds.Audio or MessageKinds.Video or MessageKinds.Sticker
                        or MessageKinds.Location or MessageKinds.Interactive or MessageKinds.Button or MessageKinds.Reaction or MessageKinds.Contacts
                        or MessageKinds.Order or MessageKinds.System => type,
                    _ => MessageKinds.Unsupported,
                }));
            }
        }

        return expected;
    }

    /// <summary>A Twilio incoming message (not a status): its MessageSid, sender, and the kind its fields show.</summary>
    private static List<(string Id, string[] Customers, string Kind)> ExpectedTwilio(byte[] body)
    {
        var form = TwilioForm.Parse(body).Fields ?? [];
        string? Field(string name) => form.FirstOrDefault(p => p.Key == name).Value;
        if (Field("MessageStatus") is not null || Field("MessageSid") is not { } sid || Field("From") is not { } from)
        {
            return [];
        }

        var customers = new[] { from, Field("ExternalUserId") }.OfType<string>()
            .Select(c => c.Replace("whatsapp:", string.Empty, StringComparison.Ordinal).TrimStart('+')).ToArray();
        var kind = Field("MessageType")?.ToLowerInvariant() switch
        {
            { } type and (MessageKinds.Text or MessageKinds.Image or MessageKinds.Document or MessageKinds.Audio or MessageKinds.Video
                or MessageKinds.Location or MessageKinds.Button or MessageKinds.Interactive) => type,
            _ when Field("Latitude") is not null => MessageKinds.Location,
            _ when Field("ButtonText") is not null => MessageKinds.Button,
            _ when Field("MediaUrl0") is not null => (Field("MediaContentType0") ?? "unknown").Split('/')[0] switch
            {
                "image" => MessageKinds.Image,
                "audio" => MessageKinds.Audio,
                "video" => MessageKinds.Video,
                _ => MessageKinds.Document,
            },
            _ => MessageKinds.Text,
        };
        return [(sid, customers, kind)];
    }

    private async Task<TranscriptEntry?> FindEntryAsync(string brandId, string number, string[] customers, string messageId)
    {
        var storage = silo.Silo.Services.GetRequiredService<IGrainStorage>();
        foreach (var customer in customers)
        {
            var rows = await storage.ListRowsAsync(ProjectionCollections.Messages, new ConversationKey(brandId, number, customer).ToString(), null, 100, CancellationToken.None);
            if (rows.Select(r => JsonSerializer.Deserialize<TranscriptEntry>(r.Body, GrainJson.Options)!).FirstOrDefault(e => e.ProviderMessageId == messageId) is { } entry)
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>Points every change of a Meta payload at our configured number (the payloads carry their sources' ids).</summary>
    private static byte[] Aim(byte[] raw, string phoneNumberId, string number)
    {
        try
        {
            if (JsonNode.Parse(raw) is not JsonObject root || root["entry"] is not JsonArray entries)
            {
                return raw;
            }

            foreach (var change in entries.OfType<JsonObject>().SelectMany(e => (e["changes"] as JsonArray ?? []).OfType<JsonObject>()))
            {
                if (change["value"] is JsonObject value)
                {
                    value["metadata"] = new JsonObject { ["display_phone_number"] = number, ["phone_number_id"] = phoneNumberId };
                }
            }

            return Encoding.UTF8.GetBytes(root.ToJsonString());
        }
        catch (System.Text.Json.JsonException)
        {
            return raw;
        }
    }

    private async Task<HttpStatusCode> PostMetaAsync(byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhooks/meta", UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Hub-Signature-256", MetaPayload.Sign(body, AdminSilo.MetaAppSecret));
        using var response = await silo.Silo.Client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Status callbacks go to the status route, messages to the incoming route; both aimed at our Twilio number.</summary>
    private async Task<HttpStatusCode> PostTwilioAsync(string brandId, string number, byte[] raw)
    {
        var form = TwilioForm.Parse(raw).Fields ?? [];
        var aimed = form.Select(p => p.Key == "To" ? new KeyValuePair<string, string>("To", p.Value.StartsWith("whatsapp:", StringComparison.Ordinal) ? $"whatsapp:+{number}" : $"+{number}") : p).ToList();
        var isStatus = aimed.Any(p => p.Key == "MessageStatus");
        var url = new Uri(silo.Silo.Client.BaseAddress!, isStatus ? $"/webhooks/twilio/{brandId}/status" : $"/webhooks/twilio/{brandId}").AbsoluteUri;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(aimed) };
        request.Headers.Add("X-Twilio-Signature", TwilioRequestValidator.ComputeSignature(AuthToken, url, aimed));
        using var response = await silo.Silo.Client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            output.WriteLine(await response.Content.ReadAsStringAsync());
        }

        return response.StatusCode;
    }

    private static string? FindFixtures()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "fixtures", "webhooks");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteFixtureReplayTests(SqliteAdminSilo silo, ITestOutputHelper output) : FixtureReplayTests(silo, output);

[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class PostgresFixtureReplayTests(PostgresAdminSilo silo, ITestOutputHelper output) : FixtureReplayTests(silo, output);
