using Conversations.Domain.Surveys;

namespace Conversations.Domain.Tests.Surveys;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("STOP", "STOP")]
    [InlineData("  Stop!! ", "Stop")]
    [InlineData("🛑 STOP 🛑", "STOP")]
    [InlineData("«no more»", "no more")]
    [InlineData("\u200Bstart\u200B", "start")]
    [InlineData("!!!", "")]
    [InlineData("", "")]
    [InlineData("a, b", "a, b")]
    public void TrimDecorationTakesPunctuationSymbolsAndSpaceOffBothEndsOnly(string text, string expected)
    {
        Assert.Equal(expected, TextFolding.TrimDecoration(text));
    }

    [Fact]
    public void AnUnpairedSurrogateAtAnEndIsDecorationAndOneInsideBecomesTheReplacementCharacter()
    {
        Assert.Equal("STOP", TextFolding.TrimDecoration("\uD83DSTOP\uDC00"));
        Assert.Equal("ST\uFFFDOP", TextFolding.TrimDecoration(" ST\uD83DOP "));

        // Folding what is kept never meets an unpaired surrogate (normalization would refuse it).
        Assert.Equal(OptOutIntent.None, OptOutKeywords.Classify("ST\uD83DOP", []));
    }

    [Fact]
    public void TextWithNothingToTrimIsReturnedAsItIs()
    {
        var text = "keep me";
        Assert.Same(text, TextFolding.TrimDecoration(text));
    }
}
