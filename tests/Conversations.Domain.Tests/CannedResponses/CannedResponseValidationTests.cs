using Conversations.Domain.CannedResponses;
using Conversations.Domain.Common;

namespace Conversations.Domain.Tests.CannedResponses;

/// <summary><see cref="CannedResponse.Validate"/>: name and text lengths, and placeholders that are no field.</summary>
public sealed class CannedResponseValidationTests
{
    [Fact]
    public void NameAndTextAtTheirLimitsWithKnownFieldsAreValid()
    {
        var text = "{{customer.name|there}} {{customer.number}} {{operator.name}} {{brand.name}}";

        Assert.Empty(CannedResponse.Validate(new string('n', 100), text + new string('t', 4_096 - text.Length)));
    }

    [Theory]
    [InlineData(null, "name")]
    [InlineData("", "name")]
    [InlineData("   ", "name")]
    public void BlankNameIsRefusedNamingIt(string? name, string field)
    {
        var refusal = Assert.Single(CannedResponse.Validate(name, "Hello"));

        Assert.Equal((RefusalCodes.InvalidFormat, field), (refusal.Code, refusal.Field));
    }

    [Fact]
    public void NameOf101AndTextOf4097CharactersAreRefusedEachNamed()
    {
        var refusals = CannedResponse.Validate(new string('n', 101), new string('t', 4_097));

        Assert.Equal(["name", "text"], refusals.Select(r => r.Field));
        Assert.Contains("4,096", refusals[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hi {{customer.nmae}}", "{{customer.nmae}}")]
    [InlineData("Order {{1}} shipped", "{{1}}")]
    [InlineData("Hi {{Customer.Name|there}}", "{{Customer.Name|there}}")]
    [InlineData("Hi {{}}", "{{}}")]
    public void UnknownFieldIsRefusedNamingThePlaceholderAndTheFields(string text, string placeholder)
    {
        var refusal = Assert.Single(CannedResponse.Validate("greeting", text));

        Assert.Equal((CannedResponse.UnknownField, "text"), (refusal.Code, refusal.Field));
        Assert.Contains(placeholder, refusal.Message, StringComparison.Ordinal);
        Assert.Contains("{{customer.name}}", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FieldsInListsEachFieldOnceInOrderOfFirstUse()
    {
        Assert.Equal(
            [CannedResponse.BrandName, CannedResponse.CustomerName],
            CannedResponse.FieldsIn("{{brand.name}}: hi {{customer.name|there}}, {{ brand.name }} again"));
    }
}
