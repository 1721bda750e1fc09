using Conversations.Domain.Billing;
using Conversations.Domain.Brands;
using Conversations.Grains.Brands;

namespace Conversations.Grains.Tests.Brands;

public sealed class BrandGrainTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "f1e2d3c4b5a6978877665544332211aa";

    [Fact]
    public async Task AReservationOrphanedForMoreThanADayIsReleasedByTheBrandsTimer()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        var brand = await Given.BrandAsync(host, brandId, credits: 1);
        var early = Given.Conversation(host, brandId);
        var late = Given.Conversation(host, brandId, "447700900456");
        var price = Given.PriceOf(TemplateCategory.Utility, Given.UkCustomer);

        await early.SendAsync(Given.TemplateMessage("tmpl-early"));
        await host.AdvanceAsync(TimeSpan.FromHours(12));
        await late.SendAsync(Given.TemplateMessage("tmpl-late"));
        Assert.Equal(2 * price, (await brand.GetAsync()).Credits.ReservedMicros);

        await host.AdvanceAsync(TimeSpan.FromHours(12));
        Assert.Equal(2 * price, (await brand.GetAsync()).Credits.ReservedMicros);

        await host.AdvanceAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(price, (await brand.GetAsync()).Credits.ReservedMicros);

        await host.AdvanceAsync(TimeSpan.FromHours(12));
        Assert.Equal(new CreditBalance(2_000_000, 0, 2_000_000), (await brand.GetAsync()).Credits);
        Assert.Equal(2, (await host.RowsAsync("ledger", brandId)).Count(r => r.Body.Contains("\"kind\":\"release\"", StringComparison.Ordinal)));

        // A delivery report after the release bills nothing.
        await early.ReportDeliveryAsync("tmpl-early", Domain.Messaging.DeliveryStatus.Delivered);
        Assert.Equal(2_000_000, (await brand.GetAsync()).Credits.BalanceMicros);
    }

    [Fact]
    public async Task ReservationsWithinASecondRaiseOneCreditsChangedAtOnceAndOneMoreASecondLater()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        var brand = await Given.BrandAsync(host, brandId, credits: 1);
        for (var i = 1; i <= 5; i++)
        {
            await brand.ReserveAsync($"m{i}", 1_000);
        }

        // The purchase's event at once; the five reservations in the same second wait for it to pass.
        Assert.Single(await CreditEventsAsync(host, brandId, 1));
        await Task.Delay(200);
        Assert.Single(await CreditEventsAsync(host, brandId, 2));

        await host.AdvanceAsync(TimeSpan.FromSeconds(1));
        var events = await CreditEventsAsync(host, brandId, 2);
        Assert.Equal(2, events.Count);
        Assert.Contains("\"reservedMicros\":5000", events[^1], StringComparison.Ordinal);

        // A reservation more than a second after the last event raises one at once; a purchase is never held back.
        await host.AdvanceAsync(TimeSpan.FromSeconds(5));
        await brand.ReserveAsync("m6", 1_000);
        await brand.PurchaseCreditsAsync("p-2", 1);
        Assert.Equal(4, (await CreditEventsAsync(host, brandId, 4)).Count);
    }

    private static List<string> CreditEvents(GrainHost host, string brandId) =>
        [.. host.Published.Where(m => m.Payload.Contains(BrandGrain.CreditsChanged, StringComparison.Ordinal) && m.Payload.Contains(brandId, StringComparison.Ordinal)).Select(m => m.Payload)];

    private static async Task<List<string>> CreditEventsAsync(GrainHost host, string brandId, int atLeast)
    {
        for (var attempt = 0; attempt < 300 && CreditEvents(host, brandId).Count < atLeast; attempt++)
        {
            await host.Runtime.Outbox.DispatchOnceAsync();
            await Task.Delay(10);
        }

        return CreditEvents(host, brandId);
    }

    [Fact]
    public async Task APurchaseRepeatedWithTheSameIdAddsCreditOnce()
    {
        await using var host = await GrainHost.StartAsync();
        var brand = host.Get<IBrandGrain>(Given.NewBrandId());

        await brand.PurchaseCreditsAsync("pi_3MtwBwLkdIwHu7ix28a3tqPa", 10);
        var repeated = await brand.PurchaseCreditsAsync("pi_3MtwBwLkdIwHu7ix28a3tqPa", 10);
        var tooMany = await brand.PurchaseCreditsAsync("pi_other", 100_001);

        Assert.True(repeated.IsAccepted);
        Assert.Equal(20_000_000, repeated.Credits.BalanceMicros);
        Assert.Equal("out_of_range", tooMany.Refusal?.Code);
    }

    [Fact]
    public async Task CreditCommandsAreIdempotentByMessageId()
    {
        await using var host = await GrainHost.StartAsync();
        var brandId = Given.NewBrandId();
        var brand = await Given.BrandAsync(host, brandId, credits: 1);

        await brand.ReserveAsync("m-1", 25_000);
        await brand.ReserveAsync("m-1", 25_000);
        await brand.SettleAsync("m-1");
        await brand.SettleAsync("m-1");
        await brand.ReleaseAsync("m-1");
        var reusedId = await brand.ReserveAsync("m-1", 25_000);

        Assert.Equal("reservation_conflict", reusedId.Refusal?.Code);
        Assert.Equal(new CreditBalance(1_975_000, 0, 1_975_000), reusedId.Credits);
        Assert.Equal(3, (await host.RowsAsync("ledger", brandId)).Count);
    }

    [Fact]
    public async Task OutOfRangeSettingsAreRefusedAsData()
    {
        await using var host = await GrainHost.StartAsync();
        var brand = host.Get<IBrandGrain>(Given.NewBrandId());

        var outcome = await brand.ConfigureAsync("Acme", Given.Settings with { IdleCloseSeconds = 90_000 });
        var blank = await brand.ConfigureAsync("  ", Given.Settings);

        Assert.Equal("out_of_range", outcome.Refusal?.Code);
        Assert.Equal("idleCloseSeconds", outcome.Refusal?.Field);
        Assert.Equal("name", blank.Refusal?.Field);
        Assert.False((await brand.GetAsync()).IsConfigured);
    }

    [Fact]
    public async Task ASecondTwilioAccountIsRefusedAndTheAuthTokenIsNeverReturned()
    {
        await using var host = await GrainHost.StartAsync();
        var brand = await Given.BrandAsync(host, Given.NewBrandId());

        var connected = await brand.ConnectTwilioAsync("12341234123", AccountSid, AuthToken);
        var second = await brand.ConnectTwilioAsync("48123123", "AC" + new string('a', 32), AuthToken);

        Assert.True(connected.IsAccepted, connected.Refusal?.Message);
        Assert.True(connected.Brand.TwilioConnected);
        Assert.Equal("12341234123", connected.Brand.TwilioPhoneNumber);
        Assert.Equal("twilio_account_exists", second.Refusal?.Code);
        Assert.DoesNotContain(AuthToken, System.Text.Json.JsonSerializer.Serialize(await brand.GetAsync(), GrainJson.Options), StringComparison.Ordinal);

        var disconnected = await brand.DisconnectTwilioAsync();
        Assert.False(disconnected.Brand.TwilioConnected);
        Assert.True((await brand.ConnectTwilioAsync("48123123", "AC" + new string('a', 32), AuthToken)).IsAccepted);
    }

    [Fact]
    public async Task ABrandNeverConfiguredHasDefaultSettings()
    {
        await using var host = await GrainHost.StartAsync();

        var settings = await host.Get<IBrandGrain>(Given.NewBrandId()).GetSettingsAsync();

        Assert.Equal(BrandSettings.Default.IdleCloseSeconds, settings.IdleCloseSeconds);
    }
}
