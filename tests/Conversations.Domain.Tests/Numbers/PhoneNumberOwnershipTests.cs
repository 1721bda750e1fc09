using Conversations.Domain.Common;
using Conversations.Domain.Numbers;

namespace Conversations.Domain.Tests.Numbers;

public sealed class PhoneNumberOwnershipTests
{
    [Fact]
    public void UnownedNumberIsClaimedByTheBrandWithTheProvidersDefaultThroughput()
    {
        var decision = PhoneNumberRules.Claim(PhoneNumberState.Unowned, "brand-a", ChannelProvider.Twilio);

        Assert.True(decision.IsAccepted);
        Assert.Equal("brand-a", decision.State.BrandId);
        Assert.True(decision.State.IsOwned);
        Assert.Equal(ChannelProvider.Twilio, decision.State.Provider);
        Assert.Equal(new Throughput(10, 1.5), decision.State.Throughput);
        Assert.Equal(new NumberClaimed("brand-a", ChannelProvider.Twilio), Assert.Single(decision.Effects));
    }

    [Fact]
    public void NumberHeldByOneBrandIsRefusedToAnotherWithNumberAlreadyConfigured()
    {
        var held = PhoneNumberRules.Claim(PhoneNumberState.Unowned, "brand-a", ChannelProvider.Meta).State;

        var decision = PhoneNumberRules.Claim(held, "brand-b", ChannelProvider.Meta);

        Assert.False(decision.IsAccepted);
        Assert.Same(held, decision.State);
        Assert.Empty(decision.Effects);
        Assert.Equal(RefusalCodes.NumberAlreadyConfigured, decision.Refusal!.Code);
        Assert.Equal("phoneNumber", decision.Refusal.Field);
    }

    [Fact]
    public void NumberAlreadyConfiguredRefusalCarriesTheCauseAndTheFix()
    {
        var held = PhoneNumberRules.Claim(PhoneNumberState.Unowned, "brand-a", ChannelProvider.Meta).State;

        var refusal = PhoneNumberRules.Claim(held, "brand-b", ChannelProvider.Twilio).Refusal!;

        Assert.Equal(NumberError.NumberAlreadyConfigured.Code, refusal.Code);
        Assert.Contains(NumberError.NumberAlreadyConfigured.Cause, refusal.Message, StringComparison.Ordinal);
        Assert.Contains(NumberError.NumberAlreadyConfigured.Fix, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SameBrandClaimingAgainWithTheSameProviderChangesNothing()
    {
        var held = PhoneNumberRules.Claim(PhoneNumberState.Unowned, "brand-a", ChannelProvider.Meta).State;

        var decision = PhoneNumberRules.Claim(held, "brand-a", ChannelProvider.Meta);

        Assert.True(decision.IsAccepted);
        Assert.Same(held, decision.State);
        Assert.Empty(decision.Effects);
    }

    [Fact]
    public void SameBrandClaimingThroughAnotherProviderSwitchesProviderAndKeepsItsSettings()
    {
        var held = PhoneNumberRules.Claim(PhoneNumberState.Unowned, "brand-a", ChannelProvider.Meta).State;
        held = PhoneNumberRules.AssignDepartment(held, "brand-a", "Sales", ["Sales"]).State;
        held = PhoneNumberRules.SetThroughput(held, "brand-a", new Throughput(20, 5)).State;

        var decision = PhoneNumberRules.Claim(held, "brand-a", ChannelProvider.Twilio);

        Assert.True(decision.IsAccepted);
        Assert.Equal(ChannelProvider.Twilio, decision.State.Provider);
        Assert.Equal("Sales", decision.State.Department);
        Assert.Equal(new Throughput(20, 5), decision.State.Throughput);
        Assert.Equal(new NumberClaimed("brand-a", ChannelProvider.Twilio), Assert.Single(decision.Effects));
    }

    [Fact]
    public void SwitchingProviderReplacesTheOldProvidersDefaultRateWithTheNewOnes()
    {
        var held = PhoneNumberRules.Claim(PhoneNumberState.Unowned, "brand-a", ChannelProvider.Meta).State;

        var decision = PhoneNumberRules.Claim(held, "brand-a", ChannelProvider.Twilio);

        Assert.Equal(new Throughput(10, 1.5), decision.State.Throughput);
    }

    [Fact]
    public void ReleasedNumberCanBeClaimedByAnotherBrandWithNothingOfThePreviousOwner()
    {
        var held = PhoneNumberRules.Claim(PhoneNumberState.Unowned, "brand-a", ChannelProvider.Meta).State;
        held = PhoneNumberRules.AssignDepartment(held, "brand-a", "Sales", ["Sales"]).State;

        var released = PhoneNumberRules.Release(held, "brand-a");
        var reclaimed = PhoneNumberRules.Claim(released.State, "brand-b", ChannelProvider.Twilio);

        Assert.True(released.IsAccepted);
        Assert.False(released.State.IsOwned);
        Assert.Equal(new NumberReleased("brand-a"), Assert.Single(released.Effects));
        Assert.True(reclaimed.IsAccepted);
        Assert.Equal("brand-b", reclaimed.State.BrandId);
        Assert.Null(reclaimed.State.Department);
        Assert.Equal(Throughput.DefaultFor(ChannelProvider.Twilio), reclaimed.State.Throughput);
    }

    [Fact]
    public void AnotherBrandCannotReleaseANumberItDoesNotHold()
    {
        var held = PhoneNumberRules.Claim(PhoneNumberState.Unowned, "brand-a", ChannelProvider.Meta).State;

        var decision = PhoneNumberRules.Release(held, "brand-b");

        Assert.False(decision.IsAccepted);
        Assert.Same(held, decision.State);
        Assert.Equal(RefusalCodes.NumberNotOwned, decision.Refusal!.Code);
        Assert.Equal("brand-a", decision.State.BrandId);
    }

    [Fact]
    public void ReleasingAnUnownedNumberIsANoOp()
    {
        var decision = PhoneNumberRules.Release(PhoneNumberState.Unowned, "brand-a");

        Assert.True(decision.IsAccepted);
        Assert.Same(PhoneNumberState.Unowned, decision.State);
        Assert.Empty(decision.Effects);
    }

    [Fact]
    public void ClaimWithoutABrandIdThrows()
    {
        Assert.ThrowsAny<ArgumentException>(() => PhoneNumberRules.Claim(PhoneNumberState.Unowned, "", ChannelProvider.Meta));
    }

    [Fact]
    public void RegistrationCanOnlyBeSetByTheOwningBrand()
    {
        var held = PhoneNumberRules.Claim(PhoneNumberState.Unowned, "brand-a", ChannelProvider.Meta).State;

        var byOwner = PhoneNumberRules.SetRegistration(held, "brand-a", RegistrationStatus.OtpVerificationPending);
        var byOther = PhoneNumberRules.SetRegistration(held, "brand-b", RegistrationStatus.DisplayNameRejected);

        Assert.Equal(RegistrationStatus.OtpVerificationPending, byOwner.State.Registration);
        Assert.Equal(RefusalCodes.NumberNotOwned, byOther.Refusal!.Code);
        Assert.Same(held, byOther.State);
    }
}
