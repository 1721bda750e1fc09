using System.Collections.Immutable;
using System.Text.Json;
using Conversations.Domain.Billing;
using Conversations.Domain.Brands;
using Conversations.Domain.Conversations;
using Conversations.Domain.Messaging;
using Conversations.Domain.Numbers;
using Conversations.Grains.Brands;
using Conversations.Grains.Conversations;

namespace Conversations.Grains.Tests;

/// <summary>Every grain state is stored as JSON: each must read back to what was written.</summary>
public sealed class StateJsonTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void BrandStateRoundTrips()
    {
        var ledger = CreditLedger.Empty.Purchase("p-1", 2, T0).State
            .Reserve("m-1", 25_000, T0).State
            .Reserve("m-2", 4_000, T0.AddMinutes(1)).State
            .Settle("m-1", T0.AddMinutes(2)).State;
        var twilio = new TwilioAccount(WhatsAppNumber.Parse("12341234123"), "AC0123456789abcdef0123456789abcdef", "f1e2d3c4b5a6978877665544332211aa");
        var state = new BrandGrainState(new BrandState("Acme", Given.Settings with { BotMode = true }, twilio, ledger), 4, T0.AddDays(1));

        var read = RoundTrip(state);

        Assert.Equal(twilio, read.Brand.Twilio);
        Assert.Equal(ledger.BalanceMicros, read.Brand.Credits.BalanceMicros);
        Assert.Equal(ledger.Reservations["m-2"], read.Brand.Credits.Reservations["m-2"]);
        Assert.Equal(ReservationOutcome.Settled, read.Brand.Credits.Ended["m-1"]);
        Assert.Contains("p-1", read.Brand.Credits.Purchases);
        Assert.Equal(["Sales", "Support"], read.Brand.Settings.Departments);
        Assert.True(read.Brand.Settings.BotMode);
        Assert.Equal(state.OrphanCheckAt, read.OrphanCheckAt);
    }

    [Fact]
    public void PhoneNumberStateRoundTrips()
    {
        var state = PhoneNumberState.Unowned with
        {
            BrandId = "brand-a",
            Provider = ChannelProvider.Twilio,
            Registration = RegistrationStatus.NameApprovalPending,
            Department = "Support",
            Throughput = new Throughput(10, 1.5),
        };

        Assert.Equal(state, RoundTrip(state));
    }

    [Fact]
    public void ConversationStateRoundTrips()
    {
        var chat = new Chat(3, ChatStatus.Missed, T0, false, T0.AddMinutes(1), 2, null, T0.AddMinutes(5), T0.AddHours(1), null, null, null);
        var receipt = new InboundReceipt("wamid.1", T0, 3, ChatStatus.Waiting, T0.AddHours(24), 1, false);
        var delivery = new DeliveryRecord(
            OutboundDelivery.Queued("out-1", 7_700) with { Status = DeliveryStatus.Delivered, Billing = DeliveryBilling.Settled },
            3, T0, T0.AddHours(24), T0.AddMinutes(3));
        var state = new ConversationGrainState(
            new ConversationState(T0, chat),
            ImmutableDictionary<string, InboundReceipt>.Empty.Add("wamid.1", receipt),
            ImmutableDictionary<string, DeliveryRecord>.Empty.Add("out-1", delivery));

        var read = RoundTrip(state);

        Assert.Equal(state.Conversation, read.Conversation);
        Assert.Equal(receipt, read.Inbound["wamid.1"]);
        Assert.Equal(delivery, read.Deliveries["out-1"]);
    }

    [Fact]
    public void EnumsAreStoredByName()
    {
        var json = JsonSerializer.Serialize(PhoneNumberState.Unowned with { Registration = RegistrationStatus.CertificateNotFound }, GrainJson.Options);

        Assert.Contains("\"registration\":\"certificateNotFound\"", json, StringComparison.Ordinal);
    }

    private static T RoundTrip<T>(T state)
    {
        var json = JsonSerializer.Serialize(state, GrainJson.Options);
        var read = JsonSerializer.Deserialize<T>(json, GrainJson.Options)!;
        Assert.Equal(json, JsonSerializer.Serialize(read, GrainJson.Options));
        return read;
    }
}
