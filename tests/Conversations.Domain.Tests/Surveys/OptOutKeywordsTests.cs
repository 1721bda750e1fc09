using Conversations.Domain.Surveys;

namespace Conversations.Domain.Tests.Surveys;

/// <summary><see cref="OptOutKeywords.Classify"/>: the whole message is the keyword, ignoring case, accents and surrounding punctuation.</summary>
public sealed class OptOutKeywordsTests
{
    private static readonly string[] French = ["ARRÊTER", "désabonner"];

    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData(" Stop. ")]
    [InlineData("STOP!!")]
    [InlineData("\"unsubscribe\"")]
    [InlineData("Cancel 🛑")]
    [InlineData("end")]
    [InlineData("QUIT.")]
    public void TheStandardWordsAloneOptOut(string text)
    {
        Assert.Equal(OptOutIntent.OptOut, OptOutKeywords.Classify(text, []));
    }

    [Theory]
    [InlineData("START")]
    [InlineData("start!")]
    public void StartOptsBackIn(string text)
    {
        Assert.Equal(OptOutIntent.OptIn, OptOutKeywords.Classify(text, []));
    }

    [Theory]
    [InlineData("please stop sending")]
    [InlineData("stop it")]
    [InlineData("stopped")]
    [InlineData("The end")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!!")]
    [InlineData(null)]
    [InlineData("2")]
    public void AnythingButTheWholeWordIsNone(string? text)
    {
        Assert.Equal(OptOutIntent.None, OptOutKeywords.Classify(text, French));
    }

    [Theory]
    [InlineData("arreter")]
    [InlineData("Arrêter !")]
    [InlineData("DESABONNER")]
    public void ABrandsExtraWordsOptOutIgnoringCaseAndAccents(string text)
    {
        Assert.Equal(OptOutIntent.OptOut, OptOutKeywords.Classify(text, French));
        Assert.Equal(OptOutIntent.None, OptOutKeywords.Classify(text, []));
    }

    [Fact]
    public void ExtraWordsInOtherScriptsAndWithSpacesOptOut()
    {
        string[] extra = ["ОТПИСАТЬСЯ", "no more", "停止"];

        Assert.Equal(OptOutIntent.OptOut, OptOutKeywords.Classify("отписаться", extra));
        Assert.Equal(OptOutIntent.OptOut, OptOutKeywords.Classify("No  More.", extra));
        Assert.Equal(OptOutIntent.OptOut, OptOutKeywords.Classify("停止。", extra));
    }

    [Fact]
    public void AWordThatIsBothOptsOut()
    {
        Assert.Equal(OptOutIntent.OptOut, OptOutKeywords.Classify("start", ["START"]));
    }
}
