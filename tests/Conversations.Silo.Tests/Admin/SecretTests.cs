using System.Net;
using System.Text;

namespace Conversations.Silo.Tests.Admin;

/// <summary>Provider secrets (Twilio auth tokens, Meta access tokens) never appear in a response or a log line.</summary>
public abstract class SecretTests(AdminSilo silo)
{
    [Fact]
    public async Task SecretsAppearInNoResponseAndNoLogLine()
    {
        var brandId = AdminData.NewBrandId();
        var twilioToken = AdminData.NewAuthToken();
        var refusedToken = AdminData.NewAuthToken();
        var malformedToken = AdminData.NewAuthToken();
        var metaToken = AdminData.NewAccessToken();
        var secondMetaToken = AdminData.NewAccessToken();
        var twilioNumber = AdminData.NewNumber();
        var sid = AdminData.NewAccountSid();
        var (phoneNumberId, wabaId) = (AdminData.NewMetaId(), AdminData.NewMetaId());
        var bodies = new List<string>();

        bodies.Add(await SendAsync(HttpMethod.Put, $"/api/brands/{brandId}", """{"name":"Acme","settings":{"departments":["Sales"]}}""", HttpStatusCode.Created));
        var created = await silo.Root.CreateKeyAsync(brandId, new("admin", ["admin"]));
        bodies.Add(await SendAsync(HttpMethod.Put, $"/api/brands/{brandId}/accounts/twilio",
            $$"""{"phoneNumber":"{{twilioNumber}}","accountSid":"{{sid}}","authToken":"{{twilioToken}}"}""", HttpStatusCode.OK, created.Key));
        // The same account again (a token rotation), then a second account (refused), then a malformed body carrying a token.
        bodies.Add(await SendAsync(HttpMethod.Put, $"/api/brands/{brandId}/accounts/twilio",
            $$"""{"phoneNumber":"{{twilioNumber}}","accountSid":"{{sid}}","authToken":"{{twilioToken}}"}""", HttpStatusCode.OK));
        bodies.Add(await SendAsync(HttpMethod.Put, $"/api/brands/{brandId}/accounts/twilio",
            $$"""{"phoneNumber":"{{AdminData.NewNumber()}}","accountSid":"{{AdminData.NewAccountSid()}}","authToken":"{{refusedToken}}"}""", HttpStatusCode.Conflict));
        bodies.Add(await SendAsync(HttpMethod.Put, $"/api/brands/{brandId}/accounts/twilio",
            $$"""{"phoneNumber":"{{twilioNumber}}","accountSid":"{{sid}}","authToken":{{malformedToken}}}""", HttpStatusCode.BadRequest));
        bodies.Add(await SendAsync(HttpMethod.Put, $"/api/brands/{brandId}/accounts/twilio",
            $$"""{"phoneNumber":"{{twilioNumber}}","accountSid":"{{sid}}","authToken":"{{malformedToken}}z"}""", HttpStatusCode.BadRequest));
        bodies.Add(await SendAsync(HttpMethod.Put, $"/api/brands/{brandId}/accounts/meta/{phoneNumberId}",
            $$"""{"wabaId":"{{wabaId}}","wabaName":"Acme Support","phoneNumber":"{{AdminData.NewNumber()}}","displayName":"Acme","accessToken":"{{metaToken}}"}""", HttpStatusCode.OK));
        bodies.Add(await SendAsync(HttpMethod.Put, $"/api/brands/{brandId}/accounts/meta/{AdminData.NewMetaId()}",
            $$"""{"wabaId":"{{wabaId}}","wabaName":"Acme Support","phoneNumber":"{{AdminData.NewNumber()}}","displayName":"Acme","accessToken":"{{secondMetaToken}}"}""", HttpStatusCode.OK));
        bodies.Add(await SendAsync(HttpMethod.Put, $"/api/brands/{brandId}/accounts/meta/{AdminData.NewMetaId()}",
            $$"""{"wabaId":"waba","wabaName":"Acme Support","phoneNumber":"{{AdminData.NewNumber()}}","displayName":"Acme","accessToken":"{{secondMetaToken}}"}""", HttpStatusCode.BadRequest));
        foreach (var path in new[] { "", "/numbers", "/wabas", "/keys", "/credits", "/templates" })
        {
            bodies.Add(await SendAsync(HttpMethod.Get, $"/api/brands/{brandId}{path}", null, HttpStatusCode.OK));
            bodies.Add(await SendAsync(HttpMethod.Get, $"/api/brands/{brandId}{path}", null, HttpStatusCode.OK, created.Key));
        }

        bodies.Add(await SendAsync(HttpMethod.Put, $"/api/brands/{brandId}/numbers/{twilioNumber}", """{"department":"Sales"}""", HttpStatusCode.OK));
        bodies.Add(await SendAsync(HttpMethod.Get, "/openapi/v1.json", null, HttpStatusCode.OK));

        string[] secrets = [twilioToken, refusedToken, malformedToken, metaToken, secondMetaToken, created.Key];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(bodies, b => b.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.Empty(silo.Logs.Containing(secret));
            Assert.Empty(silo.Logs.Containing(secret.ToUpperInvariant()));
        }

        Assert.NotEmpty(silo.Logs.Lines);
        Assert.Empty(silo.Logs.Containing(AdminSilo.AdminKey));
    }

    [Fact]
    public async Task RequestsCarryingSecretsToUnknownOrForbiddenPlacesLeakNothing()
    {
        var brandId = await silo.NewBrandAsync();
        var operatorKey = await silo.Root.CreateKeyAsync(brandId, new("agent", ["operator"]));
        var token = AdminData.NewAuthToken();
        var body = $$"""{"phoneNumber":"{{AdminData.NewNumber()}}","accountSid":"{{AdminData.NewAccountSid()}}","authToken":"{{token}}"}""";

        var responses = new[]
        {
            await SendAsync(HttpMethod.Put, $"/api/brands/{brandId}/accounts/twilio", body, HttpStatusCode.Forbidden, operatorKey.Key),
            await SendAsync(HttpMethod.Put, $"/api/brands/{AdminData.NewBrandId()}/accounts/twilio", body, HttpStatusCode.NotFound),
            await SendAsync(HttpMethod.Put, $"/api/brands/{brandId}/accounts/twilio", body, HttpStatusCode.Unauthorized, "cvk_bad_key"),
            await SendAsync(HttpMethod.Post, $"/api/brands/{brandId}/accounts/twilio", body, HttpStatusCode.MethodNotAllowed),
        };

        Assert.DoesNotContain(responses, r => r.Contains(token, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(silo.Logs.Containing(token));
        Assert.Empty(silo.Logs.Containing(operatorKey.Key));
    }

    [Fact]
    public async Task SecretsAndKeysAreNotStoredInPlainText()
    {
        var brandId = await silo.NewBrandAsync();
        var sid = AdminData.NewAccountSid();
        var twilioToken = AdminData.NewAuthToken();
        var metaToken = AdminData.NewAccessToken();
        await silo.Root.PutTwilioAccountAsync(brandId, new(AdminData.NewNumber(), sid, twilioToken));
        await silo.Root.PutMetaAccountAsync(brandId, AdminData.NewMetaId(), new(AdminData.NewMetaId(), "Acme", AdminData.NewNumber(), "Acme", metaToken));
        var plainKey = await silo.Root.CreateKeyAsync(brandId, new("plain", ["operator"]));
        // A retried key creation must not make the store keep the key to replay it.
        var idempotentKey = await silo.Root.CreateKeyAsync(brandId, new("retried", ["operator"]), idempotencyKey: Guid.NewGuid().ToString());

        var stored = await silo.DumpStorageAsync();

        // The dump does show what is stored: the (non-secret) Account SID is there.
        Assert.True(stored.Contains(sid, StringComparison.Ordinal) || stored.Contains(AdminSilo.Hex(sid), StringComparison.Ordinal), "The dump misses the Account SID.");
        foreach (var (what, secret) in new[] { ("Twilio auth token", twilioToken), ("Meta access token", metaToken), ("brand key", plainKey.Key), ("brand key created with an Idempotency-Key", idempotentKey.Key) })
        {
            Assert.False(stored.Contains(secret, StringComparison.Ordinal) || stored.Contains(AdminSilo.Hex(secret), StringComparison.Ordinal),
                $"The {what} is stored in plain text.");
        }
    }

    private async Task<string> SendAsync(HttpMethod method, string path, string? json, HttpStatusCode expected, string? key = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {key ?? AdminSilo.AdminKey}");
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await silo.Silo.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path} answered {(int)response.StatusCode}, not {(int)expected}: {text}");
        return text;
    }
}
