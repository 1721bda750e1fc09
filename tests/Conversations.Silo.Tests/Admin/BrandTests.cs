using System.Net;
using System.Text;
using Conversations.Client;
using Conversations.Client.Contracts;

namespace Conversations.Silo.Tests.Admin;

/// <summary><c>/api/brands/{brandId}</c>: the settings ranges, the brand's life cycle and malformed bodies.</summary>
public abstract class BrandTests(AdminSilo silo)
{
    [Theory]
    [InlineData("responseTimeSeconds", 30, 86_400)]
    [InlineData("missedCloseSeconds", 900, 2_592_000)]
    [InlineData("idleCloseSeconds", 60, 86_400)]
    [InlineData("botIdleCloseSeconds", 60, 86_400)]
    [InlineData("profanityLimit", 1, 100)]
    [InlineData("retentionDays", 1, 3_650)]
    public async Task SettingsOutsideTheirRangeAreRefusedNamingTheFieldAndTheBoundsAreAccepted(string setting, long min, long max)
    {
        var brandId = AdminData.NewBrandId();

        foreach (var refused in new[] { min - 1, max + 1 })
        {
            var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.PutBrandAsync(brandId, new("Acme", With(setting, refused))));
            Assert.Equal(HttpStatusCode.BadRequest, failure.StatusCode);
            Assert.Equal("out_of_range", failure.Code);
            Assert.Equal("urn:conversations:problem:out_of_range", failure.Problem!.Type);
            Assert.Equal($"settings.{setting}", failure.Field);
            Assert.Contains(setting, failure.Problem.Detail, StringComparison.Ordinal);
            Assert.Contains(min.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), failure.Problem.Detail, StringComparison.Ordinal);
            Assert.Contains(max.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), failure.Problem.Detail, StringComparison.Ordinal);
        }

        foreach (var accepted in new[] { min, max })
        {
            var brand = await silo.Root.PutBrandAsync(brandId, new("Acme", With(setting, accepted)));
            Assert.Equal(accepted, Read(setting, brand.Settings));
            Assert.Equal(accepted, Read(setting, (await silo.Root.GetBrandAsync(brandId)).Settings));
        }
    }

    [Fact]
    public async Task MissedCloseOf899And2592001SecondsIsRefusedAnd900And2592000Accepted()
    {
        var brandId = AdminData.NewBrandId();

        var low = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.PutBrandAsync(brandId, new("Acme", new(MissedCloseSeconds: 899))));
        var high = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.PutBrandAsync(brandId, new("Acme", new(MissedCloseSeconds: 2_592_001))));
        var atMin = await silo.Root.PutBrandAsync(brandId, new("Acme", new(MissedCloseSeconds: 900)));
        var atMax = await silo.Root.PutBrandAsync(brandId, new("Acme", new(MissedCloseSeconds: 2_592_000)));

        Assert.Equal(("settings.missedCloseSeconds", HttpStatusCode.BadRequest), (low.Field, low.StatusCode));
        Assert.Equal(("settings.missedCloseSeconds", HttpStatusCode.BadRequest), (high.Field, high.StatusCode));
        Assert.Equal(900, atMin.Settings.MissedCloseSeconds);
        Assert.Equal(2_592_000, atMax.Settings.MissedCloseSeconds);
    }

    [Theory]
    [InlineData("", "name")]
    [InlineData("   ", "name")]
    [InlineData(null, "name")]
    public async Task BrandWithoutANameIsRefused(string? name, string field)
    {
        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.PutBrandAsync(AdminData.NewBrandId(), new(name, null)));

        Assert.Equal((HttpStatusCode.BadRequest, field), (failure.StatusCode, failure.Field));
    }

    [Fact]
    public async Task NameOf200CharactersIsAcceptedAnd201Refused()
    {
        var brandId = AdminData.NewBrandId();

        await silo.Root.PutBrandAsync(brandId, new(new string('n', 200), null));
        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.PutBrandAsync(brandId, new(new string('n', 201), null)));

        Assert.Equal((HttpStatusCode.BadRequest, "name"), (failure.StatusCode, failure.Field));
    }

    [Theory]
    [InlineData("has.dot")]
    [InlineData("has space")]
    [InlineData("ünicode")]
    [InlineData("x12345678901234567890123456789012345678901234567890123456789012345")]
    public async Task BrandIdOutsideLettersDigitsDashUnderscoreOrOver64IsRefused(string brandId)
    {
        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.PutBrandAsync(brandId, new("Acme", null)));

        Assert.Equal((HttpStatusCode.BadRequest, "brandId"), (failure.StatusCode, failure.Field));
    }

    [Theory]
    [InlineData("ftp://crm.example.com/hook")]
    [InlineData("/relative/hook")]
    [InlineData("not a url")]
    public async Task OutgoingWebhookUrlMustBeAbsoluteHttp(string url)
    {
        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() =>
            silo.Root.PutBrandAsync(AdminData.NewBrandId(), new("Acme", new(OutgoingWebhookUrl: url))));

        Assert.Equal((HttpStatusCode.BadRequest, "settings.outgoingWebhookUrl"), (failure.StatusCode, failure.Field));
    }

    [Fact]
    public async Task DuplicateDepartmentAndWordlessProfanityEntryAreRefusedNamingTheirIndex()
    {
        var departments = await Assert.ThrowsAsync<ConversationsApiException>(() =>
            silo.Root.PutBrandAsync(AdminData.NewBrandId(), new("Acme", new(Departments: ["Sales", "Sales"]))));
        var words = await Assert.ThrowsAsync<ConversationsApiException>(() =>
            silo.Root.PutBrandAsync(AdminData.NewBrandId(), new("Acme", new(ProfanityWords: ["!!!"]))));

        Assert.Equal((HttpStatusCode.BadRequest, "settings.departments[1]"), (departments.StatusCode, departments.Field));
        Assert.Equal((HttpStatusCode.BadRequest, "settings.profanityWords[0]"), (words.StatusCode, words.Field));
    }

    [Fact]
    public async Task ExtraOptOutKeywordsAreSetAndReadBackAndABlankOneIsRefusedNamingItsIndex()
    {
        var brandId = AdminData.NewBrandId();

        var created = await silo.Root.PutBrandAsync(brandId, new("Acme", new(OptOutKeywords: ["ARRÊTER", "baja"])));
        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() =>
            silo.Root.PutBrandAsync(brandId, new("Acme", new(OptOutKeywords: ["baja", " "]))));

        Assert.Equal(["ARRÊTER", "baja"], created.Settings.OptOutKeywords);
        Assert.Equal(["ARRÊTER", "baja"], (await silo.Root.GetBrandAsync(brandId)).Settings.OptOutKeywords);
        Assert.Equal((HttpStatusCode.BadRequest, "settings.optOutKeywords[1]"), (failure.StatusCode, failure.Field));
        Assert.Empty((await silo.Root.PutBrandAsync(brandId, new("Acme", new()))).Settings.OptOutKeywords!);
    }

    [Fact]
    public async Task FirstPutCreatesTheBrandAndLaterPutsReplaceItsSettings()
    {
        var brandId = AdminData.NewBrandId();
        var settings = new BrandSettingsDto(600, 3_600, 1_800, true, 120, 5, ["darn"], ["Sales", "Support"], 90, "https://crm.example.com/hooks/chats");

        using (var created = await PutRawAsync(brandId, """{"name":"Acme"}"""))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal($"/api/brands/{brandId}", created.Headers.Location?.OriginalString);
        }

        var updated = await silo.Root.PutBrandAsync(brandId, new("Acme Corp", settings));
        var read = await silo.Root.GetBrandAsync(brandId);

        Assert.Equal(brandId, read.BrandId);
        Assert.Equal("Acme Corp", read.Name);
        Assert.Equal(settings with { ProfanityWords = null, Departments = null }, read.Settings with { ProfanityWords = null, Departments = null, OptOutKeywords = null });
        Assert.Equal(["darn"], read.Settings.ProfanityWords);
        Assert.Equal(["Sales", "Support"], read.Settings.Departments);
        Assert.Equal(updated.Settings.MissedCloseSeconds, read.Settings.MissedCloseSeconds);
        Assert.NotNull(read.CreatedAt);
    }

    [Fact]
    public async Task UnknownBrandIs404()
    {
        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.GetBrandAsync(AdminData.NewBrandId()));

        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (failure.StatusCode, failure.Code));
    }

    [Fact]
    public async Task DeletingABrandRevokesItsKeysAndFreesItsNumbers()
    {
        var brandId = await silo.NewBrandAsync();
        var key = await silo.NewKeyAsync(brandId, "admin");
        var sandbox = AdminData.NewNumber();
        var twilio = AdminData.NewNumber();
        await key.PutSandboxNumberAsync(brandId, sandbox);
        await key.PutTwilioAccountAsync(brandId, new(twilio, AdminData.NewAccountSid(), AdminData.NewAuthToken()));
        await key.PutTemplateAsync(brandId, "welcome", "en", new("utility", "Hello {{1}}", "approved", null));

        await silo.Root.DeleteBrandAsync(brandId);

        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.GetBrandAsync(brandId))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAsync<ConversationsApiException>(() => key.GetBrandAsync(brandId))).StatusCode);
        var other = await silo.NewBrandAsync();
        await silo.Root.PutSandboxNumberAsync(other, sandbox);
        await silo.Root.PutSandboxNumberAsync(other, twilio);
        Assert.Equal([sandbox, twilio], (await silo.Root.ListNumbersAsync(other)).Select(n => n.PhoneNumber).Order(StringComparer.Ordinal));

        // A brand created again under the same id starts empty.
        await silo.Root.PutBrandAsync(brandId, new("Again", null));
        Assert.Empty(await silo.Root.ListTemplatesAsync(brandId));
        Assert.Empty(await silo.Root.ListKeysAsync(brandId));
        Assert.Null((await silo.Root.GetBrandAsync(brandId)).Twilio);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"name": 42}""")]
    [InlineData("""{"name":"Acme","settings":{"missedCloseSeconds":"soon"}}""")]
    [InlineData("[]")]
    public async Task MalformedJsonIsA400ProblemOfTypeInvalidBody(string body)
    {
        using var response = await PutRawAsync(AdminData.NewBrandId(), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = ConversationsProblem.TryParse(await response.Content.ReadAsStringAsync());
        Assert.Equal("urn:conversations:problem:invalid_body", problem?.Type);
        Assert.Equal("invalid_body", problem?.Code);
        Assert.False(string.IsNullOrWhiteSpace(problem?.Detail));
    }

    [Fact]
    public async Task MalformedJsonOnABrandRouteIsAlsoInvalidBody()
    {
        var brandId = await silo.NewBrandAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/brands/{brandId}/credits/purchases", UriKind.Relative))
        {
            Content = new StringContent("""{"credits": "ten"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {AdminSilo.AdminKey}");

        using var response = await silo.Silo.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_body", ConversationsProblem.TryParse(await response.Content.ReadAsStringAsync())?.Code);
    }

    private async Task<HttpResponseMessage> PutRawAsync(string brandId, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/brands/{brandId}", UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {AdminSilo.AdminKey}");
        return await silo.Silo.Client.SendAsync(request);
    }

    private static BrandSettingsDto With(string setting, long value) => setting switch
    {
        "responseTimeSeconds" => new(ResponseTimeSeconds: value),
        "missedCloseSeconds" => new(MissedCloseSeconds: value),
        "idleCloseSeconds" => new(IdleCloseSeconds: value),
        "botIdleCloseSeconds" => new(BotIdleCloseSeconds: value),
        "profanityLimit" => new(ProfanityLimit: value),
        "retentionDays" => new(RetentionDays: (int)value),
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting, null),
    };

    private static long? Read(string setting, BrandSettingsDto settings) => setting switch
    {
        "responseTimeSeconds" => settings.ResponseTimeSeconds,
        "missedCloseSeconds" => settings.MissedCloseSeconds,
        "idleCloseSeconds" => settings.IdleCloseSeconds,
        "botIdleCloseSeconds" => settings.BotIdleCloseSeconds,
        "profanityLimit" => settings.ProfanityLimit,
        "retentionDays" => settings.RetentionDays,
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting, null),
    };
}
