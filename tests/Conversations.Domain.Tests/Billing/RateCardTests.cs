using Conversations.Domain.Billing;
using Conversations.Domain.Numbers;

namespace Conversations.Domain.Tests.Billing;

public sealed class RateCardTests
{
    private const string Header = "callingCode,country,marketingMicros,utilityMicros,authenticationMicros\n";

    [Fact]
    public void UkNumberIsPricedAtTheUkRow()
    {
        var row = RateCard.Default.RowFor(WhatsAppNumber.Parse("447911123456"));

        Assert.Equal("44", row.CallingCode);
        Assert.Equal("United Kingdom", row.Country);
    }

    [Theory]
    [InlineData("12125550123")]
    [InlineData("14165550123")]
    [InlineData("18765550123")]
    public void PlusOneNumbersArePricedAtTheNorthAmericaRow(string digits)
    {
        Assert.Equal("1", RateCard.Default.RowFor(WhatsAppNumber.Parse(digits)).CallingCode);
    }

    [Theory]
    [InlineData("35191234567")] // Portugal: not on the card
    [InlineData("8613812345678")] // China: not on the card
    public void NumberWithAnUnknownCallingCodeIsPricedAtTheDefaultRow(string digits)
    {
        var row = RateCard.Default.RowFor(WhatsAppNumber.Parse(digits));

        Assert.Equal("*", row.CallingCode);
    }

    [Fact]
    public void RecipientWithoutANumberIsPricedAtTheDefaultRow()
    {
        Assert.Equal("*", RateCard.Default.RowFor(null).CallingCode);
        Assert.Equal(
            RateCard.Default.RowFor(WhatsAppNumber.Parse("35191234567")).PriceOf(TemplateCategory.Marketing),
            RateCard.Default.PriceOf(TemplateCategory.Marketing, null));
    }

    [Fact]
    public void LongestMatchingPrefixWins()
    {
        var card = RateCard.Parse(Header + """
            *,Other,100,10,1
            1,North America,200,20,2
            1876,Jamaica,300,30,3
            9,Nine,400,40,4
            97,Ninety-seven,500,50,5
            971,United Arab Emirates,600,60,6
            """);

        Assert.Equal("1876", card.RowFor(WhatsAppNumber.Parse("18765550123")).CallingCode);
        Assert.Equal("1", card.RowFor(WhatsAppNumber.Parse("18775550123")).CallingCode);
        Assert.Equal("971", card.RowFor(WhatsAppNumber.Parse("971501234567")).CallingCode);
        Assert.Equal("97", card.RowFor(WhatsAppNumber.Parse("972501234567")).CallingCode);
        Assert.Equal("9", card.RowFor(WhatsAppNumber.Parse("981234567890")).CallingCode);
        Assert.Equal("*", card.RowFor(WhatsAppNumber.Parse("81312345678")).CallingCode);
    }

    [Fact]
    public void PriceOfPicksTheCategoryColumn()
    {
        var card = RateCard.Parse(Header + "*,Other,100,10,1\n44,United Kingdom,52900,2200,1100\n");
        var uk = WhatsAppNumber.Parse("447911123456");

        Assert.Equal(Money.FromUsdMicros(52_900), card.PriceOf(TemplateCategory.Marketing, uk));
        Assert.Equal(Money.FromUsdMicros(2_200), card.PriceOf(TemplateCategory.Utility, uk));
        Assert.Equal(Money.FromUsdMicros(1_100), card.PriceOf(TemplateCategory.Authentication, uk));
        Assert.Equal(Money.FromUsdMicros(100), card.PriceOf(TemplateCategory.Marketing, null));
    }

    [Fact]
    public void ShippedCardHasADefaultRowAndUniqueCodes()
    {
        var codes = RateCard.Default.Rows.Select(r => r.CallingCode).ToList();

        Assert.Contains("*", codes);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(RateCard.Default.Rows, r => Assert.True(r.MarketingMicros > 0 && r.UtilityMicros > 0 && r.AuthenticationMicros > 0));
    }

    [Fact]
    public void CommentsBlankLinesAndWindowsLineEndingsAreAccepted()
    {
        var card = RateCard.Parse("# a comment\r\n\r\n" + Header.Replace("\n", "\r\n", StringComparison.Ordinal) + "*,Other,100,10,1\r\n# another\r\n44,United Kingdom,52900,2200,2200\r\n");

        Assert.Equal(2, card.Rows.Count);
        Assert.Equal(Money.FromUsdMicros(52_900), card.PriceOf(TemplateCategory.Marketing, WhatsAppNumber.Parse("447911123456")));
    }

    [Fact]
    public void CardWithoutADefaultRowIsRejected()
    {
        var error = Assert.Throws<FormatException>(() => RateCard.Parse(Header + "44,United Kingdom,52900,2200,2200\n"));

        Assert.Contains("default row", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CardWithADuplicateCallingCodeIsRejectedNamingTheCodeAndLine()
    {
        var error = Assert.Throws<FormatException>(() => RateCard.Parse(Header + "*,Other,1,1,1\n44,United Kingdom,2,2,2\n44,Again,3,3,3\n"));

        Assert.Contains("'44'", error.Message, StringComparison.Ordinal);
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.0529")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1e5")]
    public void CardWithABadAmountIsRejectedNamingTheAmount(string amount)
    {
        var error = Assert.Throws<FormatException>(() => RateCard.Parse(Header + $"*,Other,1,1,1\n44,United Kingdom,{amount},2200,2200\n"));

        Assert.Contains($"'{amount}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*,Other,1,1")]
    [InlineData("*,Other,1,1,1,1")]
    public void RowWithTheWrongNumberOfColumnsIsRejected(string row)
    {
        var error = Assert.Throws<FormatException>(() => RateCard.Parse(Header + row + "\n"));

        Assert.Contains("5 columns", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+44")]
    [InlineData("12345")]
    [InlineData("UK")]
    public void RowWithABadCallingCodeIsRejected(string code)
    {
        var error = Assert.Throws<FormatException>(() => RateCard.Parse(Header + $"*,Other,1,1,1\n{code},Somewhere,1,1,1\n"));

        Assert.Contains($"'{code}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CardWhoseHeaderIsMissingIsRejectedRatherThanLosingItsFirstRow()
    {
        // Without a header the first data row would be taken for one and silently dropped.
        Assert.Throws<FormatException>(() => RateCard.Parse("44,United Kingdom,52900,2200,2200\n*,Other,1,1,1\n"));
    }

    [Fact]
    public void EmptyCardIsRejected()
    {
        Assert.Throws<FormatException>(() => RateCard.Parse(string.Empty));
    }
}
