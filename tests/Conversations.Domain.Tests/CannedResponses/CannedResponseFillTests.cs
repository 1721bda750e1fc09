using Conversations.Domain.CannedResponses;

namespace Conversations.Domain.Tests.CannedResponses;

/// <summary><see cref="CannedResponse.Fill"/>: fields filled at send time, fallbacks for missing values.</summary>
public sealed class CannedResponseFillTests
{
    private static readonly Dictionary<string, string?> Ana = new(StringComparer.Ordinal)
    {
        [CannedResponse.CustomerName] = "Ana",
        [CannedResponse.CustomerNumber] = "447700900123",
        [CannedResponse.OperatorName] = "Sam",
        [CannedResponse.BrandName] = "Acme",
    };

    [Fact]
    public void EveryFieldIsFilledWithItsValue()
    {
        var text = "Hi {{customer.name}} ({{customer.number}}), this is {{operator.name}} from {{brand.name}}.";

        Assert.Equal("Hi Ana (447700900123), this is Sam from Acme.", CannedResponse.Fill(text, Ana));
    }

    [Fact]
    public void MissingValueTakesTheFallbackAndWithoutOneIsEmpty()
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal) { [CannedResponse.CustomerName] = null, [CannedResponse.OperatorName] = "" };

        Assert.Equal("Hi there, Sam here.", CannedResponse.Fill("Hi {{customer.name|there}}, {{operator.name|Sam}} here.", values));
        Assert.Equal("Hi , this is .", CannedResponse.Fill("Hi {{customer.name}}, this is {{brand.name}}.", values));
    }

    [Fact]
    public void PresentValueWinsOverTheFallback()
    {
        Assert.Equal("Hi Ana", CannedResponse.Fill("Hi {{customer.name|there}}", Ana));
    }

    [Fact]
    public void SpacesInsideTheBracesAreIgnored()
    {
        Assert.Equal("Hi Ana and friend", CannedResponse.Fill("Hi {{ customer.name }} and {{ operator.nickname | friend }}", Ana));
    }

    [Fact]
    public void AValueThatLooksLikeAPlaceholderIsInsertedAsItIs()
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal) { [CannedResponse.CustomerName] = "{{brand.name}}", [CannedResponse.BrandName] = "Acme" };

        Assert.Equal("Hi {{brand.name}} from Acme", CannedResponse.Fill("Hi {{customer.name}} from {{brand.name}}", values));
    }

    [Theory]
    [InlineData("Price: {5} {{", "Price: {5} {{")]
    [InlineData("{{{customer.name}}}", "{Ana}")]
    [InlineData("}}{{", "}}{{")]
    public void StrayBracesStayAsTheyAre(string text, string filled)
    {
        Assert.Equal(filled, CannedResponse.Fill(text, Ana));
    }
}
