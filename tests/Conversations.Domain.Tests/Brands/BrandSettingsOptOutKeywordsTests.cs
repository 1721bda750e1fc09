using Conversations.Domain.Brands;
using Conversations.Domain.Common;

namespace Conversations.Domain.Tests.Brands;

/// <summary>The brand's extra opt-out keywords: none by default, at most 50, each 1 to 40 characters.</summary>
public sealed class BrandSettingsOptOutKeywordsTests
{
    [Fact]
    public void NoExtraKeywordsByDefault()
    {
        Assert.Empty(BrandSettings.Default.OptOutKeywords);
    }

    [Fact]
    public void FiftyKeywordsInAnyLanguageUpToFortyCharactersAreAccepted()
    {
        var keywords = Enumerable.Range(0, 48).Select(i => $"word{i}").Concat(["ARRÊTER", new string('x', 40)]).ToList();

        var decision = BrandRules.ChangeSettings(BrandState.New("Acme"), BrandSettings.Default with { OptOutKeywords = keywords });

        Assert.True(decision.IsAccepted);
        Assert.Equal(keywords, decision.State.Settings.OptOutKeywords);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12345678901234567890123456789012345678901")]
    public void ABlankOrLongKeywordIsRefusedNamingItsIndex(string keyword)
    {
        var refusal = Assert.Single((BrandSettings.Default with { OptOutKeywords = ["ARRÊTER", keyword] }).Validate());

        Assert.Equal((RefusalCodes.InvalidFormat, "optOutKeywords[1]"), (refusal.Code, refusal.Field));
        Assert.Contains("40", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreThanFiftyKeywordsAreRefused()
    {
        var refusal = Assert.Single((BrandSettings.Default with { OptOutKeywords = [.. Enumerable.Range(0, 51).Select(i => $"w{i}")] }).Validate());

        Assert.Equal("optOutKeywords", refusal.Field);
        Assert.Contains("50", refusal.Message, StringComparison.Ordinal);
    }
}
