using System.Net;
using System.Text;
using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Silo.Tests.Admin;

namespace Conversations.Silo.Tests.Surveys;

/// <summary>
/// <c>/api/brands/{brandId}/surveys</c>: create, replace, read, list and delete; invalid definitions
/// refused naming the question and changing nothing; tenant isolation; the <c>distribute</c> role.
/// </summary>
public abstract class SurveyTests(AdminSilo silo)
{
    private static readonly SurveyRequest AfterDelivery = new(
        "After your delivery",
        "https://survey.example.com/s/after-delivery",
        "Merci !",
        [
            new("drink", "single_choice", "What did you order?", ["Café", "Thé", "Water"], Skip: [new("water", "nps")]),
            new("taste", "rating", "How did it taste?"),
            new("weight", "number", "How many kilos?", Min: 0.5m, Max: 20),
            new("nps", "nps", "How likely are you to recommend us?", Skip: [new("10", "end")]),
            new("comment", "text", "Anything else?", MaxLength: 500),
        ]);

    [Fact]
    public async Task ADistributeKeyCreatesReplacesReadsListsAndDeletesASurvey()
    {
        var brandId = await silo.NewBrandAsync();
        var distributor = await silo.NewKeyAsync(brandId, "distribute");

        var created = await distributor.PutSurveyAsync(brandId, "after-delivery", AfterDelivery);
        var linkOnly = await distributor.PutSurveyAsync(brandId, "a_link", new("Just a link", "https://survey.example.com/s/1"));

        Assert.Equal(("after-delivery", "After your delivery", "Merci !"), (created.Id, created.Title, created.ThankYou));
        Assert.Equal(Shape(AfterDelivery), Shape(created));
        Assert.Equal(Shape(created), Shape(await distributor.GetSurveyAsync(brandId, "after-delivery")));
        Assert.Empty(linkOnly.Questions);
        Assert.Equal(["a_link", "after-delivery"], (await distributor.ListSurveysAsync(brandId)).Select(s => s.Id));

        var replacement = AfterDelivery with { Title = "After delivery (v2)", Questions = [AfterDelivery.Questions![1]] };
        var replaced = await distributor.PutSurveyAsync(brandId, "after-delivery", replacement);
        Assert.Equal((created.CreatedAt, "After delivery (v2)"), (replaced.CreatedAt, replaced.Title));
        Assert.True(replaced.UpdatedAt >= created.UpdatedAt);
        Assert.Equal(["taste"], (await distributor.GetSurveyAsync(brandId, "after-delivery")).Questions.Select(q => q.Id!));

        await distributor.DeleteSurveyAsync(brandId, "after-delivery");
        var gone = await Assert.ThrowsAsync<ConversationsApiException>(() => distributor.GetSurveyAsync(brandId, "after-delivery"));
        var again = await Assert.ThrowsAsync<ConversationsApiException>(() => distributor.DeleteSurveyAsync(brandId, "after-delivery"));
        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (gone.StatusCode, gone.Code));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(["a_link"], (await distributor.ListSurveysAsync(brandId)).Select(s => s.Id));
    }

    [Fact]
    public async Task PutAnswers201WhenItCreatesAnd200WhenItReplaces()
    {
        var brandId = await silo.NewBrandAsync();
        const string body = """{"title":"Quick","questions":[{"id":"score","kind":"nps","text":"Score?"}]}""";

        using var first = await PutRawAsync(brandId, "quick", body);
        using var second = await PutRawAsync(brandId, "quick", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal($"/api/brands/{brandId}/surveys/quick", first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Theory]
    [InlineData(3, "skip", "questions[3].skip[0].goTo", "'nps'")]
    [InlineData(0, "options", "questions[0].options[2]", "'drink'")]
    [InlineData(2, "range", "questions[2].min", "'weight'")]
    [InlineData(1, "kind", "questions[1].kind", "'taste'")]
    [InlineData(4, "answer", "questions[4].skip[0].answer", "'comment'")]
    public async Task AnInvalidDefinitionIsA400NamingTheQuestionAndChangesNothing(int index, string breakage, string field, string question)
    {
        var brandId = await silo.NewBrandAsync();
        var saved = await silo.Root.PutSurveyAsync(brandId, "after-delivery", AfterDelivery);
        var broken = AfterDelivery.Questions![index] switch
        {
            var q when breakage == "skip" => q with { Skip = [new("10", "drink")] },
            var q when breakage == "options" => q with { Options = ["Café", "Thé", "CAFE"] },
            var q when breakage == "range" => q with { Min = 30 },
            var q when breakage == "kind" => q with { Kind = "stars" },
            var q => q with { Skip = [new(new string('x', 501), "end")] },
        };
        var request = AfterDelivery with { Title = "Broken", Questions = [.. AfterDelivery.Questions.Select((q, i) => i == index ? broken : q)] };

        var replace = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.PutSurveyAsync(brandId, "after-delivery", request));
        var create = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.PutSurveyAsync(brandId, "new-one", request));

        foreach (var failure in new[] { replace, create })
        {
            Assert.Equal((HttpStatusCode.BadRequest, "invalid_survey", field), (failure.StatusCode, failure.Code, failure.Field));
            Assert.Contains(question, failure.Problem!.Detail, StringComparison.Ordinal);
        }

        Assert.Equal(Shape(saved), Shape(await silo.Root.GetSurveyAsync(brandId, "after-delivery")));
        Assert.Equal(["after-delivery"], (await silo.Root.ListSurveysAsync(brandId)).Select(s => s.Id));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("sixty-five-characters-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task ASurveyIdOutsideTheAlphabetIsA400(string surveyId)
    {
        var brandId = await silo.NewBrandAsync();

        var failure = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.PutSurveyAsync(brandId, surveyId, AfterDelivery));

        Assert.Equal((HttpStatusCode.BadRequest, "surveyId"), (failure.StatusCode, failure.Field));
        Assert.Empty(await silo.Root.ListSurveysAsync(brandId));
    }

    [Fact]
    public async Task AnotherBrandCannotSeeOrChangeTheSurvey()
    {
        var brandId = await silo.NewBrandAsync();
        await silo.Root.PutSurveyAsync(brandId, "after-delivery", AfterDelivery);
        var other = await silo.NewBrandAsync();
        var outsider = await silo.NewKeyAsync(other, "admin", "distribute");

        var calls = new Func<Task>[]
        {
            () => outsider.GetSurveyAsync(brandId, "after-delivery"),
            () => outsider.ListSurveysAsync(brandId),
            () => outsider.PutSurveyAsync(brandId, "after-delivery", AfterDelivery with { Title = "Mine" }),
            () => outsider.DeleteSurveyAsync(brandId, "after-delivery"),
            () => outsider.GetSurveyAsync(other, "after-delivery"),
            () => outsider.DeleteSurveyAsync(other, "after-delivery"),
        };

        foreach (var call in calls)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<ConversationsApiException>(call)).StatusCode);
        }

        Assert.Empty(await outsider.ListSurveysAsync(other));
        Assert.Equal("After your delivery", (await silo.Root.GetSurveyAsync(brandId, "after-delivery")).Title);
    }

    [Fact]
    public async Task AnOperatorOnlyKeyIsRefusedWith403()
    {
        var brandId = await silo.NewBrandAsync();
        await silo.Root.PutSurveyAsync(brandId, "after-delivery", AfterDelivery);
        var operatorKey = await silo.NewKeyAsync(brandId, "operator");

        var calls = new Func<Task>[]
        {
            () => operatorKey.GetSurveyAsync(brandId, "after-delivery"),
            () => operatorKey.ListSurveysAsync(brandId),
            () => operatorKey.PutSurveyAsync(brandId, "mine", AfterDelivery),
            () => operatorKey.DeleteSurveyAsync(brandId, "after-delivery"),
        };

        foreach (var call in calls)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<ConversationsApiException>(call)).StatusCode);
        }

        Assert.Equal(["after-delivery"], (await silo.Root.ListSurveysAsync(brandId)).Select(s => s.Id));
    }

    [Fact]
    public async Task ABrandDeletedAndCreatedAgainHasNoSurveys()
    {
        var brandId = await silo.NewBrandAsync();
        await silo.Root.PutSurveyAsync(brandId, "after-delivery", AfterDelivery);

        await silo.Root.DeleteBrandAsync(brandId);
        await silo.Root.PutBrandAsync(brandId, new("Again", null));

        Assert.Empty(await silo.Root.ListSurveysAsync(brandId));
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.GetSurveyAsync(brandId, "after-delivery"))).StatusCode);
    }

    private async Task<HttpResponseMessage> PutRawAsync(string brandId, string surveyId, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/brands/{brandId}/surveys/{surveyId}", UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {AdminSilo.AdminKey}");
        return await silo.Silo.Client.SendAsync(request);
    }

    /// <summary>Everything a definition says, comparable (lists by content).</summary>
    private static string Shape(SurveyRequest survey) =>
        string.Join('\n', [survey.Title, survey.LinkUrl, survey.ThankYou, .. (survey.Questions ?? []).Select(Shape)]);

    private static string Shape(SurveyView survey) =>
        string.Join('\n', [survey.Title, survey.LinkUrl, survey.ThankYou, .. survey.Questions.Select(Shape)]);

    private static string Shape(SurveyQuestionDto q) => string.Join(
        '|',
        q.Id,
        q.Kind,
        q.Text,
        string.Join(',', q.Options ?? []),
        q.Min?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        q.Max?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        q.MaxLength,
        string.Join(',', (q.Skip ?? []).Select(r => $"{r.Answer}>{r.GoTo}")));
}

[Collection(SqliteAdminCollectionDefinition.Name)]
public sealed class SqliteSurveyTests(SqliteAdminSilo silo) : SurveyTests(silo);

[Collection(PostgresAdminCollectionDefinition.Name)]
public sealed class PostgresSurveyTests(PostgresAdminSilo silo) : SurveyTests(silo);
