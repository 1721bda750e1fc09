using Conversations.Domain.Distributions;

namespace Conversations.Domain.Tests.Distributions;

/// <summary><see cref="InvitationFields"/>: a distribution's template parameters filled per recipient, unknown fields refused at creation.</summary>
public sealed class InvitationFieldsTests
{
    private static readonly Dictionary<string, string?> Ana = InvitationFields.ValuesOf(
        "447700900123", "Ana", "Lima", "pt-BR", new Dictionary<string, string> { ["store"] = "Leeds" }, "https://x.test/s/tok");

    [Fact]
    public void EveryFieldIsFilledFromTheRecipient()
    {
        var filled = InvitationFields.Fill(
            ["{{contact.firstName}} {{contact.lastName}}", "{{contact.phone}}/{{contact.language}}", "{{contact.data.store}}", "{{survey.link}}"], Ana);

        Assert.Equal(["Ana Lima", "447700900123/pt-BR", "Leeds", "https://x.test/s/tok"], filled);
    }

    [Fact]
    public void AMissingValueTakesItsFallbackElseNothing()
    {
        var bare = InvitationFields.ValuesOf("447700900123", null, "", null, null, null);

        Assert.Equal(["Hi there", "Hi ", "x"], InvitationFields.Fill(["Hi {{contact.firstName|there}}", "Hi {{contact.lastName}}", "x{{contact.data.store}}"], bare));
    }

    [Fact]
    public void AValueThatLooksLikeAFieldIsNotFilledAgain()
    {
        var sly = InvitationFields.ValuesOf("447700900123", "{{contact.phone}}", null, null, null, null);

        Assert.Equal(["{{contact.phone}}"], InvitationFields.Fill(["{{contact.firstName}}"], sly));
    }

    [Fact]
    public void AnUnknownFieldIsRefusedNamingTheParameter()
    {
        var refusal = InvitationFields.Check(["ok {{contact.firstName}}", "{{customer.name}}"], linkDistribution: false);

        Assert.NotNull(refusal);
        Assert.Equal("template.parameters[1]", refusal.Field);
        Assert.Contains("{{customer.name}}", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSurveyLinkIsAFieldOfLinkDistributionsOnly()
    {
        Assert.Null(InvitationFields.Check(["{{survey.link}}", "{{contact.data.city}}"], linkDistribution: true));
        Assert.Equal("template.parameters[0]", InvitationFields.Check(["{{survey.link}}"], linkDistribution: false)?.Field);
        Assert.NotNull(InvitationFields.Check(["{{contact.data.}}"], linkDistribution: true));
    }
}
