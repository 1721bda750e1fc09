using Conversations.Domain.Surveys;
using Conversations.Grains.Brands;

namespace Conversations.Grains.Tests.Brands;

/// <summary>The Brand grain's surveys: the definition a distribution reads back, across a restart, and gone with the brand.</summary>
public sealed class BrandSurveyTests
{
    private static readonly SurveyDefinition Survey = new(
        "After your delivery",
        "https://survey.example.com/s/after-delivery",
        [
            new SurveyQuestion("drink", SurveyQuestionKinds.SingleChoice, "What did you order?")
            {
                Options = ["Café", "Thé"],
                Skip = [new SkipRule("2", SkipRule.End)],
            },
            new SurveyQuestion("weight", SurveyQuestionKinds.Number, "How many kilos?") { Min = 0.5m, Max = 20 },
        ])
    { ThankYou = "Merci !" };

    [Fact]
    public async Task ASavedSurveyIsReadBackWholeEvenAfterARestartAndAReplaceKeepsItsCreationTime()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        var created = await host.Get<IBrandGrain>(brandId).PutSurveyAsync("after-delivery", Survey);
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        await host.RestartAsync();
        var read = await host.Get<IBrandGrain>(brandId).GetSurveyAsync("after-delivery");
        var replaced = await host.Get<IBrandGrain>(brandId).PutSurveyAsync("after-delivery", Survey with { Title = "v2" });

        Assert.True(created.Created);
        Assert.NotNull(read);
        Assert.Equal((Survey.Title, Survey.LinkUrl, Survey.ThankYou), (read.Title, read.LinkUrl, read.ThankYou));
        Assert.Equal(["drink", "weight"], read.Questions.Select(q => q.Id));
        Assert.Equal(["Café", "Thé"], read.Questions[0].Options!);
        Assert.Equal(new SkipRule("2", SkipRule.End), Assert.Single(read.Questions[0].Skip!));
        Assert.Equal((0.5m, 20m), (read.Questions[1].Min, read.Questions[1].Max));
        Assert.False(replaced.Created);
        Assert.Equal(created.Survey!.CreatedAt, replaced.Survey!.CreatedAt);
        Assert.Equal(created.Survey.CreatedAt.AddMinutes(5), replaced.Survey.UpdatedAt);
        Assert.Equal("v2", (await host.Get<IBrandGrain>(brandId).GetSurveyAsync("after-delivery"))!.Title);
    }

    [Fact]
    public async Task AnUnknownDeletedOrInvalidSurveyReadsAsNothing()
    {
        await using var host = await GrainHost.StartAsync();
        var brand = host.Get<IBrandGrain>(Given.NewBrandId());
        await brand.PutSurveyAsync("gone", Survey);

        var refused = await brand.PutSurveyAsync("bad", Survey with { Title = "" });
        Assert.True(await brand.DeleteSurveyAsync("gone"));

        Assert.Equal(("invalid_survey", "title"), (refused.Refusal!.Code, refused.Refusal.Field));
        Assert.Null(await brand.GetSurveyAsync("gone"));
        Assert.Null(await brand.GetSurveyAsync("bad"));
        Assert.Null(await brand.GetSurveyAsync("never"));
        Assert.False(await brand.DeleteSurveyAsync("gone"));
    }

    [Fact]
    public async Task ABrandKeepsAtMostFiveHundredSurveysAndStillReplacesOne()
    {
        await using var host = await GrainHost.StartAsync();
        var brand = host.Get<IBrandGrain>(Given.NewBrandId());
        var linkOnly = new SurveyDefinition("Link", "https://survey.example.com/s", []);
        for (var i = 0; i < BrandGrain.MaxSurveys; i++)
        {
            await brand.PutSurveyAsync($"s{i}", linkOnly);
        }

        var oneMore = await brand.PutSurveyAsync("s500", linkOnly);
        var replace = await brand.PutSurveyAsync("s0", linkOnly with { Title = "Again" });

        Assert.Equal(SurveyOutcome.LimitReached, oneMore.Refusal?.Code);
        Assert.True(replace.IsAccepted);
    }

    [Fact]
    public async Task DeletingTheBrandRemovesItsSurveyRows()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        var brand = await Given.BrandAsync(host, brandId);
        await brand.PutSurveyAsync("after-delivery", Survey);
        Assert.Single(await host.RowsAsync(ProjectionCollections.Surveys, brandId));

        await brand.DeleteAsync();

        Assert.Empty(await host.RowsAsync(ProjectionCollections.Surveys, brandId));
        Assert.Null(await brand.GetSurveyAsync("after-delivery"));
    }
}
