using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Silo.Tests.Admin;
using Conversations.Silo.Tests.Support;
using Conversations.Testing.Postgres;
using Conversations.Testing.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Silo.Tests.Distributions;

/// <summary>
/// A two-way survey the customer abandons: when the 24-hour window closes the session expires (on
/// the silo's moved clock, by the conversation's durable window timer), and a late answer is not
/// taken and nothing more is asked. On the embedded database and on PostgreSQL.
/// </summary>
public sealed class AbandonedSurveyTests
{
    private const string AdminKey = "root-admin-key-for-the-abandoned-survey-012345";

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AnAbandonedSurveyExpiresWhenTheWindowClosesAndNeverSendsAgain(string storage)
    {
        await using var postgres = storage == "postgres" ? await PostgresServer.StartAsync() : null;
        var settings = new Dictionary<string, string?> { ["Conversations:AdminKey"] = AdminKey };
        if (postgres is not null)
        {
            settings["Conversations:Storage"] = "postgres";
            settings["ConnectionStrings:Conversations"] = await postgres.CreateDatabaseAsync();
        }

        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var silo = await RunningSilo.StartAsync(settings, builder => builder.Services.AddSingleton<TimeProvider>(clock));
        var root = new ConversationsClient(silo.Client, AdminKey);
        var brandId = AdminData.NewBrandId();
        await root.PutBrandAsync(brandId, new BrandRequest("Acme", null));
        var number = AdminData.NewNumber();
        await root.PutSandboxNumberAsync(brandId, number);
        await root.PurchaseCreditsAsync(brandId, new PurchaseRequest(5));
        await root.PutTemplateAsync(brandId, "survey_invite", "en", new TemplateRequest("marketing", "A short survey?", "approved", null));
        await root.PutSurveyAsync(brandId, "csat", new SurveyRequest("CSAT", Questions:
        [
            new SurveyQuestionDto("nps", "nps", "How likely are you to recommend us?"),
            new SurveyQuestionDto("why", "text", "Why?"),
        ]));
        var ana = AdminData.NewCustomer();
        var created = await root.CreateDistributionAsync(brandId, new DistributionRequest(
            "two_way", "csat", number, new TemplateMessageDto("survey_invite", "en", []), new DistributionRecipients(Phones: [ana])));
        await Poll.UntilAsync(async () => await root.SandboxOutboundAsync(brandId, ana) is { Count: 1 } sent ? sent : null);

        await root.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, ana, "ok"));
        await root.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, ana, "9"));
        await Poll.UntilAsync(async () => await root.SandboxOutboundAsync(brandId, ana) is { Count: 3 } sent ? sent : null);

        // A day passes without an answer: the window closes and the session expires.
        clock.Advance(TimeSpan.FromHours(24).Add(TimeSpan.FromMinutes(1)));
        var expired = await Poll.UntilAsync(async () =>
            (await root.ListSurveyResponsesAsync(brandId, created.DistributionId)).Responses is [{ Status: "expired" } response] ? response : null);
        Assert.Equal([("nps", "9")], expired.Answers.Select(a => (a.QuestionId, a.Value)));

        // The late answer reaches operators, not the survey: nothing more is asked or recorded.
        await root.SandboxInboundAsync(brandId, new SandboxInboundRequest(number, ana, "Because"));
        await Task.Delay(1_000);
        Assert.Equal(3, (await root.SandboxOutboundAsync(brandId, ana)).Count);
        Assert.Single((await root.ListSurveyResponsesAsync(brandId, created.DistributionId)).Responses[0].Answers);
        var detail = await root.GetDistributionAsync(brandId, created.DistributionId);
        Assert.Equal((1L, 0L), (detail.Distribution.Counts.SurveysStarted, detail.Distribution.Counts.SurveysCompleted));
        Assert.Equal("expired", Assert.Single(detail.Recipients).Survey);
        Assert.Equal("waiting", (await root.GetConversationAsync(brandId, $"{number}-{ana}")).Chat?.Status);
    }
}
