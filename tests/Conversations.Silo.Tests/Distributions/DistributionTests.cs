using System.Net;
using System.Text;
using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Silo.Tests.Admin;
using Conversations.Silo.Tests.Support;

namespace Conversations.Silo.Tests.Distributions;

/// <summary>
/// Survey distributions end to end over HTTP on the sandbox channel, with the typed client: a
/// two-way survey answered correctly, with an invalid answer, with a skip rule and interrupted by
/// STOP; a link distribution with clicks; the preview's total equal to what is billed; opted-out
/// contacts never receiving anything; bad requests refused naming the field. Both storages.
/// </summary>
public abstract class DistributionTests(AdminSilo silo)
{
    private static readonly SurveyRequest Csat = new(
        "Delivery survey",
        ThankYou: "Thank you from Acme!",
        Questions:
        [
            new SurveyQuestionDto("speed", "single_choice", "How was the delivery?", Options: ["Rápida", "On time", "Late"]),
            new SurveyQuestionDto("nps", "nps", "How likely are you to recommend us?", Skip: [new SkipRuleDto("10", "end")]),
            new SurveyQuestionDto("why", "text", "What could we do better?", MaxLength: 200),
        ]);

    [Fact]
    public async Task ATwoWaySurveyIsAnsweredInsideWhatsAppAndStopInterruptsIt()
    {
        var (brandId, number) = await BrandAsync();
        var root = silo.Root;
        await root.PutSurveyAsync(brandId, "csat", Csat);
        var (ana, ben, cy) = (AdminData.NewCustomer(), AdminData.NewCustomer(), AdminData.NewCustomer());
        await ImportAsync(brandId, "customers", $"phone,firstName\n+{ana},Ana\n{ben},Ben\n{cy},Cy\n");

        var created = await root.CreateDistributionAsync(brandId, TwoWay(number, new DistributionRecipients(List: "customers")));
        Assert.Equal((3L, 0L, 0L), (created.Recipients, created.OptedOut, created.Invalid));
        foreach (var person in new[] { ana, ben, cy })
        {
            var invitation = Assert.Single(await SentAsync(brandId, person, 1));
            Assert.Equal("survey_invite", invitation.TemplateName);
        }

        Assert.Equal(["Ana"], (await SentAsync(brandId, ana, 1))[0].TemplateParameters);

        // Ana answers every question: the option by its text without its accent, then a score, then text.
        await Say(ana, "Hi!");
        await Say(ana, "rapida");
        await Say(ana, "8");
        await Say(ana, "Ring the bell");
        var anaSaw = await SentAsync(brandId, ana, 5);
        Assert.StartsWith("How was the delivery?\n1. Rápida", anaSaw[1].Text, StringComparison.Ordinal);
        Assert.StartsWith("How likely", anaSaw[2].Text, StringComparison.Ordinal);
        Assert.StartsWith("What could", anaSaw[3].Text, StringComparison.Ordinal);
        Assert.Equal("Thank you from Acme!", anaSaw[4].Text);

        // Ben answers a choice out of range (asked again with a hint), then 2, then 10: the skip rule ends it.
        await Say(ben, "ok");
        await Say(ben, "7");
        await Say(ben, "2");
        await Say(ben, "10");
        var benSaw = await SentAsync(brandId, ben, 5);
        Assert.Contains("How was the delivery?", benSaw[2].Text, StringComparison.Ordinal);
        Assert.NotEqual(benSaw[1].Text, benSaw[2].Text); // the hint comes first
        Assert.Equal("Thank you from Acme!", benSaw[4].Text);

        // Cy starts, then writes STOP: confirmed once, the survey ends, nothing more is asked.
        await Say(cy, "yes");
        await Say(cy, "STOP");
        await Say(cy, "stop");
        var cySaw = await SentAsync(brandId, cy, 3);
        await Task.Delay(500);
        Assert.Equal(3, (await root.SandboxOutboundAsync(brandId, cy)).Count);
        Assert.Contains("no longer receive", cySaw[2].Text, StringComparison.Ordinal);
        var cyContact = await Poll.UntilAsync(async () => await root.GetContactAsync(brandId, cy) is { OptedOut: true } c ? c : null);
        Assert.Equal("keyword:STOP", cyContact.OptOutSource);

        var responses = await Poll.UntilAsync(async () =>
            await root.ListSurveyResponsesAsync(brandId, created.DistributionId) is { Responses.Count: 3 } page ? page : null);
        Assert.Equal(["speed", "nps", "why"], responses.Questions);
        var byPhone = responses.Responses.ToDictionary(r => r.Phone);
        Assert.Equal("completed", byPhone[ana].Status);
        Assert.Equal(["Rápida", "8", "Ring the bell"], byPhone[ana].Answers.Select(a => a.Value));
        Assert.Equal("completed", byPhone[ben].Status);
        Assert.Equal([("speed", "On time"), ("nps", "10")], byPhone[ben].Answers.Select(a => (a.QuestionId, a.Value)));
        Assert.Equal(("opted_out", 0), (byPhone[cy].Status, byPhone[cy].Answers.Count));

        var csv = await root.GetSurveyResponsesCsvAsync(brandId, created.DistributionId);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("phone,status,startedAt,endedAt,speed,nps,why", lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"{ana},completed,", StringComparison.Ordinal) && l.EndsWith(",Rápida,8,Ring the bell", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{ben},completed,", StringComparison.Ordinal) && l.EndsWith(",On time,10,", StringComparison.Ordinal));

        var counts = await Poll.UntilAsync(async () =>
            (await root.GetDistributionAsync(brandId, created.DistributionId)).Distribution is { Status: "finished", Counts: { SurveysCompleted: 2, OptedOut: 1 } } d ? d.Counts : null);
        Assert.Equal((3L, 3L, 3L), (counts.Recipients, counts.Sent, counts.SurveysStarted));

        // A later distribution to the same list leaves Cy out.
        var again = await root.CreateDistributionAsync(brandId, TwoWay(number, new DistributionRecipients(List: "customers")));
        Assert.Equal((2L, 1L), (again.Recipients, again.OptedOut));
        await SentAsync(brandId, ana, 6);
        await Poll.UntilAsync(async () => (await root.GetDistributionAsync(brandId, again.DistributionId)).Distribution is { Status: "finished" } d ? d : null);
        Assert.Equal(3, (await root.SandboxOutboundAsync(brandId, cy)).Count);

        async Task Say(string from, string text) => await root.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, from, text));
    }

    [Fact]
    public async Task ALinkDistributionCountsClicksAndRedirectsWithTheToken()
    {
        var (brandId, number) = await BrandAsync();
        var root = silo.Root;
        await root.PutSurveyAsync(brandId, "web", new SurveyRequest("Web survey", LinkUrl: "https://surveys.example.com/s/acme?lang=en"));
        var (ana, ben) = (AdminData.NewCustomer(), AdminData.NewCustomer());

        var created = await root.CreateDistributionAsync(brandId, new DistributionRequest(
            "link", "web", number, new TemplateMessageDto("survey_invite", "en", ["{{survey.link}}"]), new DistributionRecipients(Phones: [ana, $"+{ben[..2]} {ben[2..]}"])));
        Assert.Equal(2L, created.Recipients);
        var link = Assert.Single(Assert.Single(await SentAsync(brandId, ana, 1)).TemplateParameters!);
        var benLink = Assert.Single(Assert.Single(await SentAsync(brandId, ben, 1)).TemplateParameters!);
        Assert.NotEqual(link, benLink);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = silo.Silo.Client.BaseAddress };
        var path = new Uri(link).AbsolutePath;
        Assert.StartsWith("/s/", path, StringComparison.Ordinal);
        using var first = await browser.GetAsync(new Uri(path, UriKind.Relative));
        using var second = await browser.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"https://surveys.example.com/s/acme?lang=en&token={path[3..]}", first.Headers.Location!.ToString());
        using var unknown = await browser.GetAsync(new Uri("/s/not-a-token", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var detail = await root.GetDistributionAsync(brandId, created.DistributionId);
        Assert.Equal((1L, 2L), (detail.Distribution.Counts.Clicked, detail.Distribution.Counts.LinkClicks));
        Assert.Equal(2, detail.Recipients.Single(r => r.Phone == ana).Clicks);
        var listed = await root.ListDistributionsAsync(brandId);
        Assert.Equal(created.DistributionId, Assert.Single(listed.Items).DistributionId);
    }

    [Fact]
    public async Task ThePreviewTotalIsWhatIsBilledAndExcludesOptedOutAndInvalid()
    {
        var (brandId, number) = await BrandAsync();
        var root = silo.Root;
        await root.PutSurveyAsync(brandId, "csat", Csat);
        var suffix = Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (uk, ca, us, gone) = (AdminData.NewCustomer(), "1416555" + suffix, "1202555" + suffix, AdminData.NewCustomer());
        await ImportAsync(brandId, null, $"phone\n{gone}\n");
        await root.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, gone, "STOP"));
        await Poll.UntilAsync(async () => await root.GetContactAsync(brandId, gone) is { OptedOut: true } c ? c : null);
        var request = TwoWay(number, new DistributionRecipients(Phones: [uk, ca, us, gone, "12-ab", uk]));

        // The US number is not billed: marketing templates are not delivered there (marketing_paused_us).
        var preview = await root.PreviewDistributionAsync(brandId, request);
        Assert.Equal((2L, 1L, 1L), (preview.Recipients, preview.OptedOut, preview.Invalid));
        Assert.Equal(1L, Assert.Contains("marketing_paused_us", preview.Refused));
        Assert.Equal(["1", "44"], preview.ByCountry.Select(c => c.CallingCode).Order(StringComparer.Ordinal));
        Assert.Equal(preview.TotalPrice.AmountMicros, preview.ByCountry.Sum(c => c.Price.AmountMicros));
        Assert.True(preview.TotalPrice.AmountMicros > 0);
        var before = await root.GetCreditsAsync(brandId);
        Assert.Equal(before.Available.AmountMicros, preview.AvailableCredit.AmountMicros);

        var created = await root.CreateDistributionAsync(brandId, request);
        Assert.Equal((3L, 1L, 1L), (created.Recipients, created.OptedOut, created.Invalid));
        var settled = await Poll.UntilAsync(async () => await root.GetCreditsAsync(brandId) is { Reserved.AmountMicros: 0 } c
            && c.Ledger.Count(l => l.Kind == "settlement") == 2 ? c : null,
            async () => System.Text.Json.JsonSerializer.Serialize(new { credits = await root.GetCreditsAsync(brandId), detail = await root.GetDistributionAsync(brandId, created.DistributionId) }));
        Assert.Equal(preview.TotalPrice.AmountMicros, before.Available.AmountMicros - settled.Available.AmountMicros);
        Assert.DoesNotContain(await root.SandboxOutboundAsync(brandId, gone), m => m.TemplateName is not null);
        var detail = await Poll.UntilAsync(async () =>
            await root.GetDistributionAsync(brandId, created.DistributionId) is { Distribution.Counts.Read: 2 } d ? d : null);
        Assert.Equal(
            new[] { (gone, "opted_out"), (uk, "read"), (ca, "read"), (us, "failed"), ("12ab", "invalid") }.OrderBy(p => p.Item1, StringComparer.Ordinal),
            detail.Recipients.Select(r => (r.Phone, r.Status)).OrderBy(p => p.Phone, StringComparer.Ordinal));
    }

    [Fact]
    public async Task BadRequestsAreRefusedNamingTheFieldAndCreateNothing()
    {
        var (brandId, number) = await BrandAsync();
        var root = silo.Root;
        await root.PutSurveyAsync(brandId, "csat", Csat);
        var ok = TwoWay(number, new DistributionRecipients(Phones: [AdminData.NewCustomer()]));

        await Refused(ok with { Kind = "email" }, HttpStatusCode.BadRequest, "kind");
        await Refused(ok with { SurveyId = "nope" }, HttpStatusCode.UnprocessableEntity, "surveyId");
        await Refused(ok with { Kind = "link" }, HttpStatusCode.UnprocessableEntity, "surveyId");
        await Refused(ok with { BusinessNumber = AdminData.NewNumber() }, HttpStatusCode.NotFound, null);
        await Refused(ok with { Template = new TemplateMessageDto("survey_invite", "en", ["{{customer.name}}"]) }, HttpStatusCode.BadRequest, "template.parameters[0]");
        await Refused(ok with { Template = new TemplateMessageDto("draft_invite", "en", ["x"]) }, HttpStatusCode.UnprocessableEntity, "template.name");
        await Refused(ok with { Recipients = new DistributionRecipients() }, HttpStatusCode.BadRequest, "recipients");
        await Refused(ok with { Recipients = new DistributionRecipients(List: "no-such-list") }, HttpStatusCode.UnprocessableEntity, "recipients.list");
        await Refused(ok with { SendAt = DateTimeOffset.UtcNow.AddDays(400) }, HttpStatusCode.BadRequest, "sendAt");
        Assert.Empty((await root.ListDistributionsAsync(brandId)).Items);

        // A scheduled distribution cancelled before its time never sends.
        var later = await root.CreateDistributionAsync(brandId, ok with { SendAt = DateTimeOffset.UtcNow.AddHours(1) });
        Assert.Equal("scheduled", later.Status);
        var cancelled = await root.CancelDistributionAsync(brandId, later.DistributionId);
        Assert.Equal(("cancelled", 1L), (cancelled.Status, cancelled.Counts.Cancelled));

        async Task Refused(DistributionRequest request, HttpStatusCode status, string? field)
        {
            var refused = await Assert.ThrowsAsync<ConversationsApiException>(() => root.CreateDistributionAsync(brandId, request));
            Assert.Equal(status, refused.StatusCode);
            Assert.Equal(field, refused.Problem?.Field);
        }
    }

    private static DistributionRequest TwoWay(string number, DistributionRecipients recipients) =>
        new("two_way", "csat", number, new TemplateMessageDto("survey_invite", "en", ["{{contact.firstName|there}}"]), recipients);

    private async Task<(string BrandId, string Number)> BrandAsync()
    {
        var root = silo.Root;
        var brandId = await silo.NewBrandAsync();
        var number = AdminData.NewNumber();
        await root.PutSandboxNumberAsync(brandId, number);
        await root.PurchaseCreditsAsync(brandId, new PurchaseRequest(5));
        await root.PutTemplateAsync(brandId, "survey_invite", "en", new TemplateRequest("marketing", "Hi {{1}}, would you answer a short survey?", "approved", null));
        await root.PutTemplateAsync(brandId, "draft_invite", "en", new TemplateRequest("marketing", "Hi {{1}}", "pending", null));
        return (brandId, number);
    }

    private async Task ImportAsync(string brandId, string? list, string csv)
    {
        if (list is not null)
        {
            await silo.Root.CreateContactListAsync(brandId, new ContactListRequest(list, list));
        }

        await using var body = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var result = await silo.Root.ImportContactsAsync(brandId, body, list);
        Assert.Equal(0, result.Rejected);
    }

    /// <summary>What the brand sent <paramref name="to"/>, oldest first, once there are at least <paramref name="atLeast"/>.</summary>
    private async Task<IReadOnlyList<SandboxOutboundView>> SentAsync(string brandId, string to, int atLeast) =>
        await Poll.UntilAsync(async () => await silo.Root.SandboxOutboundAsync(brandId, to) is { } sent && sent.Count >= atLeast ? sent : null);
}

[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteDistributionTests(SqliteAdminSilo silo) : DistributionTests(silo);

[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class PostgresDistributionTests(PostgresAdminSilo silo) : DistributionTests(silo);
