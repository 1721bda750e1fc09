using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Conversations.Channels.Twilio.Inbound;
using Conversations.Channels.Twilio.Validation;
using Conversations.Client.Contracts;
using Conversations.Silo.Tests.Admin;
using Xunit.Abstractions;

namespace Conversations.Silo.Tests.Webhooks;

/// <summary>
/// Replays the real provider payloads of <c>../shared/fixtures/webhooks</c> (when that folder is beside
/// the repository), correctly signed, at a configured brand and number: every one gets a clear
/// answer, never a 5xx. Where the folder is absent the test says so and checks the built payloads only.
/// </summary>
public abstract class FixtureReplayTests(AdminSilo silo, ITestOutputHelper output)
{
    private const string AuthToken = "f1e2d3c4b5a6978877665544332211aa";

    [Fact]
    public async Task EveryRealPayloadSignedAndAimedAtAConfiguredNumberGetsAClearAnswerNever5xx()
    {
        var folder = FindFixtures();
        var brandId = await silo.NewBrandAsync();
        var twilioNumber = AdminData.NewNumber();
        var metaNumber = AdminData.NewNumber();
        var phoneNumberId = AdminData.NewMetaId();
        await silo.Root.PutTwilioAccountAsync(brandId, new TwilioAccountRequest(twilioNumber, "AC0123456789abcdef0123456789abcdef", AuthToken));
        await silo.Root.PutMetaAccountAsync(brandId, phoneNumberId, new MetaAccountRequest("102290129340398", "Acme", metaNumber, "Acme", "EAAG-token"));

        var bodies = new List<(string Name, byte[] Body)>
        {
            ("built-meta-text", new MetaPayload(phoneNumberId, metaNumber).Text("wamid.built", "447700900123", "hi", DateTimeOffset.UtcNow).Build()),
            ("built-twilio-text.txt", Encoding.UTF8.GetBytes($"MessageSid=SMbuilt&From=whatsapp%3A%2B447700900123&To=whatsapp%3A%2B{twilioNumber}&Body=hi&NumMedia=0")),
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

        foreach (var (name, raw) in bodies)
        {
            var status = name.EndsWith(".txt", StringComparison.Ordinal)
                ? await PostTwilioAsync(brandId, twilioNumber, raw)
                : await PostMetaAsync(Aim(raw, phoneNumberId, metaNumber));
            output.WriteLine($"{name}: {(int)status}");
            Assert.True((int)status < 500, $"{name} answered {(int)status}");
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{name} answered {(int)status}");
        }

        Assert.True(bodies.Count >= 2);
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
        var aimed = form.Select(p => p.Key == "To" && p.Value.StartsWith("whatsapp:", StringComparison.Ordinal) ? new KeyValuePair<string, string>("To", $"whatsapp:+{number}") : p).ToList();
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
