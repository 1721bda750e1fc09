using Conversations.Domain.Brands;
using Conversations.Domain.Common;

namespace Conversations.Domain.Tests.Brands;

public sealed class BrandSettingsChangeTests
{
    [Theory]
    [InlineData("missedCloseSeconds", 900)] // 15 minutes
    [InlineData("missedCloseSeconds", 2_592_000)] // 1 month of 30 days
    [InlineData("idleCloseSeconds", 60)]
    [InlineData("idleCloseSeconds", 86_400)] // 24 hours
    [InlineData("botIdleCloseSeconds", 86_400)]
    [InlineData("responseTimeSeconds", 30)]
    [InlineData("profanityLimit", 1)]
    [InlineData("profanityLimit", 100)]
    public void SettingAtTheEdgeOfItsRangeIsAccepted(string name, long value)
    {
        var settings = With(name, value);

        var decision = BrandRules.ChangeSettings(BrandState.New("Acme"), settings);

        Assert.True(decision.IsAccepted);
        Assert.Same(settings, decision.State.Settings);
    }

    [Theory]
    [InlineData("missedCloseSeconds", 899)]
    [InlineData("missedCloseSeconds", 2_592_001)]
    [InlineData("idleCloseSeconds", 59)]
    [InlineData("idleCloseSeconds", 86_401)]
    [InlineData("botIdleCloseSeconds", 86_401)]
    [InlineData("responseTimeSeconds", 29)]
    [InlineData("profanityLimit", 0)]
    [InlineData("profanityLimit", 101)]
    [InlineData("idleCloseSeconds", -1)]
    public void OutOfRangeSettingIsRefusedNamingItAndTheStateIsUnchanged(string name, long value)
    {
        var state = BrandState.New("Acme");

        var decision = BrandRules.ChangeSettings(state, With(name, value));

        Assert.False(decision.IsAccepted);
        Assert.Same(state, decision.State);
        Assert.Same(BrandSettings.Default, decision.State.Settings);
        Assert.Equal(RefusalCodes.OutOfRange, decision.Refusal!.Code);
        Assert.Equal(name, decision.Refusal.Field);
        Assert.Contains(name, decision.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidChangeAfterARefusedOneStillApplies()
    {
        var state = BrandState.New("Acme");
        state = BrandRules.ChangeSettings(state, With("idleCloseSeconds", 86_401)).State;

        var decision = BrandRules.ChangeSettings(state, With("idleCloseSeconds", 1_800));

        Assert.Equal(1_800, decision.State.Settings.IdleCloseSeconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!!")]
    [InlineData("*** ---")]
    public void ProfanityEntryWithoutLettersIsRefusedNamingItsPosition(string entry)
    {
        var state = BrandState.New("Acme");
        var settings = BrandSettings.Default with { ProfanityWords = ["darn", entry] };

        var decision = BrandRules.ChangeSettings(state, settings);

        Assert.False(decision.IsAccepted);
        Assert.Same(state, decision.State);
        Assert.Equal(RefusalCodes.InvalidFormat, decision.Refusal!.Code);
        Assert.Equal("profanityWords[1]", decision.Refusal.Field);
    }

    [Fact]
    public void ProfanityWordsAndPhrasesInAnyScriptAreAccepted()
    {
        var settings = BrandSettings.Default with { ProfanityWords = ["darn", "go away", "Dummkopf", "ばか"] };

        var decision = BrandRules.ChangeSettings(BrandState.New("Acme"), settings);

        Assert.True(decision.IsAccepted);
        Assert.Equal(4, decision.State.Settings.ProfanityWords.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void BlankDepartmentIsRefused(string department)
    {
        var state = BrandState.New("Acme");

        var decision = BrandRules.ChangeSettings(state, BrandSettings.Default with { Departments = ["Sales", department] });

        Assert.False(decision.IsAccepted);
        Assert.Same(state, decision.State);
        Assert.Equal("departments[1]", decision.Refusal!.Field);
    }

    [Fact]
    public void DepartmentLongerThanAHundredCharactersIsRefused()
    {
        var decision = BrandRules.ChangeSettings(BrandState.New("Acme"), BrandSettings.Default with { Departments = [new string('x', 101)] });

        Assert.Equal("departments[0]", decision.Refusal!.Field);
    }

    [Fact]
    public void DuplicateDepartmentIsRefusedNamingTheSecondOccurrence()
    {
        var state = BrandState.New("Acme");

        var decision = BrandRules.ChangeSettings(state, BrandSettings.Default with { Departments = ["Sales", "Support", "Sales"] });

        Assert.False(decision.IsAccepted);
        Assert.Same(state, decision.State);
        Assert.Equal("departments[2]", decision.Refusal!.Field);
        Assert.Contains("Sales", decision.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DistinctDepartmentsAreAccepted()
    {
        var decision = BrandRules.ChangeSettings(BrandState.New("Acme"), BrandSettings.Default with { Departments = ["Sales", "Support"] });

        Assert.True(decision.IsAccepted);
        Assert.Equal(["Sales", "Support"], decision.State.Settings.Departments);
    }

    private static BrandSettings With(string name, long value) => name switch
    {
        "missedCloseSeconds" => BrandSettings.Default with { MissedCloseSeconds = value },
        "idleCloseSeconds" => BrandSettings.Default with { IdleCloseSeconds = value },
        "botIdleCloseSeconds" => BrandSettings.Default with { BotIdleCloseSeconds = value },
        "responseTimeSeconds" => BrandSettings.Default with { ResponseTimeSeconds = value },
        "profanityLimit" => BrandSettings.Default with { ProfanityLimit = value },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
