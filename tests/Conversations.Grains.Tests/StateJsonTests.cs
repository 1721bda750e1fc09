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
    public void ReceivedIdsAreWrittenWithTheirTimesAsTicksAndReadBackExactly()
    {
        var first = T0.AddTicks(1_234_567);
        var state = ConversationGrainState.Initial with
        {
            Seen = ConversationGrainState.Initial.Seen.Add("SM0123", first).Add("wamid.HBgL", T0.AddDays(-7)),
        };

        var json = JsonSerializer.Serialize(state, GrainJson.Options);
        var read = JsonSerializer.Deserialize<ConversationGrainState>(json, GrainJson.Options)!;

        using var document = JsonDocument.Parse(json);
        var seen = document.RootElement.GetProperty("seen");
        Assert.Equal(JsonValueKind.Number, seen.GetProperty("SM0123").ValueKind);
        Assert.Equal((first - DateTimeOffset.UnixEpoch).Ticks, seen.GetProperty("SM0123").GetInt64());
        Assert.Equal(first, read.Seen["SM0123"]);
        Assert.Equal(first.UtcTicks, read.Seen["SM0123"].UtcTicks);
        Assert.Equal(T0.AddDays(-7), read.Seen["wamid.HBgL"]);
        Assert.False(read.Seen.ContainsKey("sm0123"));
    }

    [Fact]
    public void ReceivedIdsWrittenAsIsoStringsStillRead()
    {
        var json = JsonSerializer.Serialize(ConversationGrainState.Initial, GrainJson.Options)
            .Replace("\"seen\":{}", "\"seen\":{\"SM0123\":\"2026-11-22T09:00:00.1234567+00:00\",\"SM0456\":\"2026-11-22T11:00:00+02:00\"}", StringComparison.Ordinal);

        var read = JsonSerializer.Deserialize<ConversationGrainState>(json, GrainJson.Options)!;

        Assert.Equal(T0.AddTicks(1_234_567), read.Seen["SM0123"]);
        Assert.Equal(T0, read.Seen["SM0456"]);
        Assert.False(read.Seen.ContainsKey("sm0123"));
    }

    [Fact]
    public void ConversationStateRoundTrips()
    {
        var chat = new Chat(3, ChatStatus.Missed, T0, false, T0.AddMinutes(1), 2, null, T0.AddMinutes(5), T0.AddHours(1), null, null, null);
        var entry = new TranscriptEntry(4, TranscriptEntry.Outbound, T0, MessageKinds.Template, "A-1") { MessageId = "out-1", TemplateName = "order_update" };
        var delivery = new DeliveryRecord(
            OutboundDelivery.Queued("out-1", 7_700) with { Status = DeliveryStatus.Delivered, Billing = DeliveryBilling.Settled },
            3, T0, T0.AddHours(24), T0.AddMinutes(3), entry, "wamid.out.1", new DeliveryFailure("outside_window", "131047", "late"),
            ImmutableSortedDictionary<DeliveryStatus, DateTimeOffset>.Empty.Add(DeliveryStatus.Queued, T0).Add(DeliveryStatus.Delivered, T0.AddMinutes(3)));
        var state = new ConversationGrainState(
            new ConversationState(T0, chat),
            ImmutableDictionary<string, DateTimeOffset>.Empty.Add("wamid.1", T0),
            ImmutableDictionary<string, DeliveryRecord>.Empty.Add("out-1", delivery),
            new CustomerIdentity("15551234567", "US.1234", "Ana"),
            4,
            [new ExportRecord("exp-1", ExportKinds.Crm, ExportRecord.Delivered, T0, T0.AddSeconds(2), null)]);

        var read = RoundTrip(state);

        Assert.Equal(state.Conversation, read.Conversation);
        Assert.Equal(T0, read.Seen["wamid.1"]);
        var readDelivery = read.Deliveries["out-1"];
        Assert.Equal(delivery with { Times = null, Entry = null }, readDelivery with { Times = null, Entry = null });
        Assert.Equal(delivery.Times, readDelivery.Times!);
        Assert.Equal(entry with { Attachments = [] }, readDelivery.Entry! with { Attachments = [] });
        Assert.Equal((state.Customer, state.TranscriptSeq), (read.Customer, read.TranscriptSeq));
        Assert.Equal(state.Exports, read.Exports!);
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
