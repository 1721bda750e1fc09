using Conversations.Domain.Conversations;

namespace Conversations.Domain.Tests.Conversations;

/// <summary>Counting a brand's offensive words: case-insensitive, whole words, Unicode-aware, phrases too.</summary>
public sealed class ProfanityFilterTests
{
    private static readonly ProfanityFilter Filter = new(["damn", "ass", "puta", "scheiße", "cabrón", "дурак", "son of a bitch", "bitch"]);

    [Theory]
    [InlineData("damn")]
    [InlineData("Damn")]
    [InlineData("DAMN")]
    [InlineData("dAmN")]
    public void WordsMatchWhateverTheirCase(string text)
    {
        Assert.Equal(1, Filter.Count(text));
    }

    [Theory]
    [InlineData("This is a first-class service")]
    [InlineData("Please check my assignment")]
    [InlineData("Mi computadora no funciona")]
    [InlineData("damnation")]
    [InlineData("bitchy")]
    public void WordsInsideLongerWordsDoNotMatch(string text)
    {
        Assert.Equal(0, Filter.Count(text));
    }

    [Theory]
    [InlineData("You're an ass!")]
    [InlineData("(ass)")]
    [InlineData("ass, really")]
    [InlineData("what...damn?")]
    [InlineData("\"damn\"")]
    public void PunctuationBoundsAWord(string text)
    {
        Assert.Equal(1, Filter.Count(text));
    }

    [Fact]
    public void RepeatedWordsAreCountedEachTime()
    {
        Assert.Equal(3, Filter.Count("damn damn, DAMN"));
    }

    [Fact]
    public void DifferentWordsInOneMessageAreAllCounted()
    {
        Assert.Equal(2, Filter.Count("Damn this, you ass"));
    }

    [Theory]
    [InlineData("SCHEIßE")]
    [InlineData("Scheiße")]
    [InlineData("SCHEIẞE")]
    [InlineData("So eine scheiße!")]
    public void GermanSharpSMatchesInAnyCase(string text)
    {
        Assert.Equal(1, Filter.Count(text));
    }

    [Fact]
    public void GermanCompoundContainingTheWordDoesNotMatch()
    {
        Assert.Equal(0, Filter.Count("Das ist mir scheißegal"));
    }

    [Theory]
    [InlineData("cabrón")]
    [InlineData("CABRÓN")]
    [InlineData("cabro\u0301n")]
    [InlineData("CABRO\u0301N")]
    public void AccentedWordsMatchComposedOrDecomposed(string text)
    {
        Assert.Equal(1, Filter.Count(text));
    }

    [Fact]
    public void DecomposedListEntryMatchesComposedText()
    {
        var filter = new ProfanityFilter(["cabro\u0301n"]);

        Assert.Equal(1, filter.Count("¡Eres un cabrón!"));
    }

    [Theory]
    [InlineData("ＤＡＭＮ")]
    [InlineData("ｄａｍｎ")]
    [InlineData("you ａｓｓ")]
    public void FullWidthLettersMatchTheirPlainForms(string text)
    {
        Assert.Equal(1, Filter.Count(text));
    }

    [Theory]
    [InlineData("дурак")]
    [InlineData("ДУРАК")]
    [InlineData("Ты дурак!")]
    public void CyrillicWordsMatchWhateverTheirCase(string text)
    {
        Assert.Equal(1, Filter.Count(text));
    }

    [Fact]
    public void CyrillicWordInsideALongerWordDoesNotMatch()
    {
        Assert.Equal(0, Filter.Count("дураки и дорогидурак"));
    }

    [Theory]
    [InlineData("you son of a bitch")]
    [InlineData("SON OF A BITCH")]
    [InlineData("son  of\na   bitch")]
    [InlineData("son, of a bitch!")]
    public void MultiWordPhrasesMatchAcrossAnySeparators(string text)
    {
        Assert.Equal(1, Filter.Count(text));
    }

    [Fact]
    public void PhraseIsCountedOnceNotAlsoForTheWordItContains()
    {
        Assert.Equal(1, Filter.Count("son of a bitch"));
        Assert.Equal(2, Filter.Count("son of a bitch, bitch"));
    }

    [Fact]
    public void PartOfAPhraseDoesNotMatch()
    {
        Assert.Equal(0, Filter.Count("my son of a friend"));
    }

    [Fact]
    public void RepeatedPhrasesAreCountedEachTime()
    {
        Assert.Equal(2, Filter.Count("son of a bitch son of a bitch"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Thank you, that was very helpful")]
    public void CleanOrMissingTextCountsNothing(string? text)
    {
        Assert.Equal(0, Filter.Count(text));
    }

    [Fact]
    public void EmptyListCountsNothing()
    {
        Assert.True(ProfanityFilter.None.IsEmpty);
        Assert.Equal(0, ProfanityFilter.None.Count("damn ass"));
    }

    [Fact]
    public void ListEntriesWithoutLettersAreIgnored()
    {
        var filter = new ProfanityFilter(["  ", "!!!"]);

        Assert.True(filter.IsEmpty);
        Assert.Equal(0, filter.Count("!!! what"));
    }

    [Fact]
    public void DuplicateListEntriesDoNotDoubleCount()
    {
        var filter = new ProfanityFilter(["damn", "DAMN", "Damn"]);

        Assert.Equal(1, filter.Count("damn"));
    }
}
