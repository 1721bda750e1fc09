using Conversations.Domain.Numbers;
using Conversations.Grains.Numbers;

namespace Conversations.Grains.Tests.Numbers;

public sealed class PhoneNumberGrainTests
{
    [Fact]
    public async Task ANumberHeldByOneBrandIsRefusedToAnotherWithNumberAlreadyConfigured()
    {
        await using var host = await GrainHost.StartAsync();
        var number = host.Get<IPhoneNumberGrain>(Given.BusinessNumber);

        var claimed = await number.ClaimAsync("brand-a", ChannelProvider.Meta);
        var refused = await number.ClaimAsync("brand-b", ChannelProvider.Twilio);

        Assert.True(claimed.IsAccepted, claimed.Refusal?.Message);
        Assert.Equal("number_already_configured", refused.Refusal?.Code);
        var snapshot = await number.GetAsync();
        Assert.Equal("brand-a", snapshot.BrandId);
        Assert.Equal(ChannelProvider.Meta, snapshot.Provider);
        Assert.Single(await host.RowsAsync("numbers", "brand-a"));
    }

    [Fact]
    public async Task AReleasedNumberCanBeClaimedByAnotherBrand()
    {
        await using var host = await GrainHost.StartAsync();
        var number = host.Get<IPhoneNumberGrain>(Given.BusinessNumber);
        await number.ClaimAsync("brand-a", ChannelProvider.Meta);

        var notOwner = await number.ReleaseAsync("brand-b");
        var released = await number.ReleaseAsync("brand-a");
        var claimed = await number.ClaimAsync("brand-b", ChannelProvider.Twilio);

        Assert.Equal("number_not_owned", notOwner.Refusal?.Code);
        Assert.True(released.IsAccepted);
        Assert.Equal("brand-b", claimed.Number.BrandId);
        Assert.Equal(Throughput.DefaultFor(ChannelProvider.Twilio), claimed.Number.Throughput);
        Assert.Empty(await host.RowsAsync("numbers", "brand-a"));
        Assert.Single(await host.RowsAsync("numbers", "brand-b"));
    }

    [Fact]
    public async Task DepartmentThroughputAndRegistrationFollowTheRules()
    {
        await using var host = await GrainHost.StartAsync();
        var number = host.Get<IPhoneNumberGrain>(Given.BusinessNumber);
        await number.ClaimAsync("brand-a", ChannelProvider.Meta);
        string[] departments = ["Sales", "Support"];

        var unknown = await number.AssignDepartmentAsync("brand-a", "Billing", departments);
        var assigned = await number.AssignDepartmentAsync("brand-a", "Support", departments);
        var tooFast = await number.SetThroughputAsync("brand-a", new Throughput(5000, 10));
        var rate = await number.SetThroughputAsync("brand-a", new Throughput(20, 5));
        var pending = await number.SetRegistrationAsync("brand-a", RegistrationStatus.OtpVerificationPending);

        Assert.Equal("unknown_department", unknown.Refusal?.Code);
        Assert.Equal("Support", assigned.Number.Department);
        Assert.Equal("out_of_range", tooFast.Refusal?.Code);
        Assert.Equal(new Throughput(20, 5), rate.Number.Throughput);
        Assert.Equal(NumberError.OtpVerificationPending, pending.Number.Error);
        Assert.Equal(NumberError.OtpVerificationPending, (await number.GetAsync()).Error);
    }

    [Fact]
    public async Task SendSlotsFollowTheNumbersThroughputSeparatelyForTextAndMedia()
    {
        await using var host = await GrainHost.StartAsync();
        var number = host.Get<IPhoneNumberGrain>(Given.BusinessNumber);
        await number.ClaimAsync("brand-a", ChannelProvider.Twilio);
        var start = host.Clock.GetUtcNow();

        var text = new[] { await number.TakeSendSlotAsync(false), await number.TakeSendSlotAsync(false), await number.TakeSendSlotAsync(false) };
        var media = new[] { await number.TakeSendSlotAsync(true), await number.TakeSendSlotAsync(true) };

        // Twilio's sender defaults: 10 text messages and 1.5 media messages per second.
        Assert.Equal([start, start.AddMilliseconds(100), start.AddMilliseconds(200)], text);
        Assert.Equal(start, media[0]);
        Assert.Equal(TimeSpan.FromSeconds(1 / 1.5).TotalMilliseconds, (media[1] - media[0]).TotalMilliseconds, 1);
    }

    [Fact]
    public async Task AKeyThatIsNotAWhatsAppNumberCannotBeClaimed()
    {
        await using var host = await GrainHost.StartAsync();

        var outcome = await host.Get<IPhoneNumberGrain>("0123").ClaimAsync("brand-a", ChannelProvider.Meta);

        Assert.Equal("invalid_format", outcome.Refusal?.Code);
    }
}
