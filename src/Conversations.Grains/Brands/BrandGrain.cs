using System.Globalization;
using System.Text.Json;
using Conversations.Domain.Billing;
using Conversations.Domain.Brands;
using Conversations.Domain.Common;
using Conversations.Domain.Numbers;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;

namespace Conversations.Grains.Brands;

/// <summary>
/// The Brand grain: <see cref="BrandRules"/> and the <see cref="CreditLedger"/> of one brand. It reads
/// its committed projection rows (survey definitions) through <paramref name="rows"/>.
/// </summary>
internal sealed partial class BrandGrain(IGrainStorage rows) : Grain<BrandGrainState>, IBrandGrain
{
    private readonly IGrainStorage _rows = rows;

    /// <summary>The durable timer that releases reservations whose delivery report never came.</summary>
    public const string OrphanTimer = "credits.orphans";

    public const string LedgerCollection = ProjectionCollections.Ledger;

    /// <summary>The event type of a change of balance, reserved or available credit (data: <see cref="CreditBalance"/>).</summary>
    public const string CreditsChanged = "credits_changed";

    /// <summary>The shortest time between two <c>credits.changed</c> events of a brand.</summary>
    public static readonly TimeSpan CreditsEventEvery = TimeSpan.FromSeconds(1);

    private const string CreditsEventTimer = "credits-event";

    /// <summary>A reservation older than this is orphaned: Meta and Twilio report a delivery well within a day.</summary>
    public static readonly TimeSpan OrphanAge = TimeSpan.FromDays(1);

    private const int MaxNameLength = 200;

    public Task<BrandSnapshot> GetAsync() => Task.FromResult(Snapshot());

    public Task<BrandSettings> GetSettingsAsync() => Task.FromResult(State.Brand.Settings);

    public Task<BrandOutcome> ConfigureAsync(string name, BrandSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            return Refused(new Refusal(RefusalCodes.InvalidFormat, $"name must be 1 to {MaxNameLength} characters, not blank.", "name"));
        }

        var decision = BrandRules.ChangeSettings(State.Brand with { Name = name }, settings);
        if (decision.IsAccepted && State.CreatedAt is null)
        {
            State = State with { CreatedAt = Now };
        }

        return Apply(decision);
    }

    public Task<BrandOutcome> SetExtrasAsync(int? retentionDays, string? outgoingWebhookUrl)
    {
        State = State with { RetentionDays = retentionDays, OutgoingWebhookUrl = outgoingWebhookUrl };
        return Task.FromResult(new BrandOutcome(null, Snapshot()));
    }

    public Task<BrandOutcome> ConnectTwilioAsync(string phoneNumber, string accountSid, string authToken)
    {
        // The token arrives as it is to be stored: the API checks the raw token's format, then protects it.
        var refusals = TwilioAccount.Validate(phoneNumber, accountSid, authToken).Where(r => r.Field != "authToken" || string.IsNullOrEmpty(authToken)).ToList();
        if (refusals.Count > 0)
        {
            return Refused(refusals[0]);
        }

        var account = new TwilioAccount(WhatsAppNumber.Parse(phoneNumber), accountSid, authToken);
        return Apply(BrandRules.ConnectTwilio(State.Brand, account));
    }

    public Task<BrandOutcome> DisconnectTwilioAsync() =>
        State.Brand.Twilio is null ? Task.FromResult(new BrandOutcome(null, Snapshot())) : Apply(BrandRules.DisconnectTwilio(State.Brand));

    public Task<CreditOutcome> PurchaseCreditsAsync(string purchaseId, long credits) =>
        string.IsNullOrEmpty(purchaseId)
            ? Task.FromResult(new CreditOutcome(Required("purchaseId"), Balance()))
            : Task.FromResult(ApplyLedger(State.Brand.Credits.Purchase(purchaseId, credits, Now), eventNow: true));

    public Task<CreditOutcome> ReserveAsync(string messageId, long amountMicros)
    {
        if (string.IsNullOrEmpty(messageId))
        {
            return Task.FromResult(new CreditOutcome(Required("messageId"), Balance()));
        }

        if (amountMicros < 0)
        {
            return Task.FromResult(new CreditOutcome(
                new Refusal(RefusalCodes.OutOfRange, "amountMicros cannot be negative.", "amountMicros"), Balance()));
        }

        return Task.FromResult(ApplyLedger(State.Brand.Credits.Reserve(messageId, amountMicros, Now)));
    }

    public async Task<IReadOnlyList<CreditOutcome>> ApplyCreditsAsync(IReadOnlyList<CreditCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var outcomes = new CreditOutcome[commands.Count];
        for (var i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            outcomes[i] = await (command.Kind switch
            {
                CreditCommandKind.Reserve => ReserveAsync(command.MessageId, command.AmountMicros),
                CreditCommandKind.Settle => SettleAsync(command.MessageId),
                CreditCommandKind.Release => ReleaseAsync(command.MessageId),
                _ => throw new ArgumentOutOfRangeException(nameof(commands), command.Kind, "Unknown credit command."),
            });
        }

        return outcomes;
    }

    public Task<CreditOutcome> SettleAsync(string messageId) =>
        Task.FromResult(ApplyLedger(State.Brand.Credits.Settle(messageId, Now)));

    public Task<CreditOutcome> ReleaseAsync(string messageId) =>
        Task.FromResult(ApplyLedger(State.Brand.Credits.Release(messageId, Now)));

    protected override BrandGrainState InitialState() => BrandGrainState.Initial;

    protected override Task OnTimerAsync(string name, DateTimeOffset dueAt)
    {
        if (name == CreditsEventTimer)
        {
            State = State with { CreditsEventPending = false, CreditsEventAt = null };
            RaiseCreditsChanged(now: false);
            return Task.CompletedTask;
        }

        if (name == OrphanTimer)
        {
            // The timer that fired is gone once this turn commits: forget it, so the check below sets it again while reservations remain.
            var released = State.Brand.Credits.ReleaseOrphans(Now, OrphanAge);
            State = State with { OrphanCheckAt = null };
            ApplyLedger(released);
            State = ArmOrphanCheck(State);
        }

        return Task.CompletedTask;
    }

    private Task<BrandOutcome> Apply(Decision<BrandState> decision)
    {
        if (!decision.IsAccepted)
        {
            return Refused(decision.Refusal!);
        }

        if (!ReferenceEquals(decision.State, State.Brand))
        {
            State = State with { Brand = decision.State };
        }

        return Task.FromResult(new BrandOutcome(null, Snapshot()));
    }

    private Task<BrandOutcome> Refused(Refusal refusal) => Task.FromResult(new BrandOutcome(refusal, Snapshot()));

    private CreditOutcome ApplyLedger(Decision<CreditLedger> decision, bool eventNow = false)
    {
        if (!decision.IsAccepted || ReferenceEquals(decision.State, State.Brand.Credits))
        {
            return new CreditOutcome(decision.Refusal, Balance());
        }

        var sequence = State.LedgerSequence;
        foreach (var entry in decision.EffectsOf<LedgerEntry>())
        {
            sequence++;
            var sortKey = sequence.ToString("D19", CultureInfo.InvariantCulture);
            var line = new LedgerLine(sequence, entry.Kind, entry.Reference, entry.AmountMicros, entry.At);
            UpsertRow(LedgerCollection, $"{Id.Key}:{sortKey}", Id.Key, sortKey, JsonSerializer.Serialize(line, GrainJson.Options));
        }

        State = ArmOrphanCheck(State with { Brand = State.Brand with { Credits = decision.State }, LedgerSequence = sequence });
        var balance = Balance();
        RaiseCreditsChanged(eventNow);
        return new CreditOutcome(null, balance);
    }

    /// <summary>
    /// <c>credits.changed</c>: a purchase raises it at once (<paramref name="now"/>); reservations, settlements and
    /// releases at most once per <see cref="CreditsEventEvery"/> — the first at once, those within the next second
    /// summed up by one more event a second after it (a timer), carrying the balance as it then is. A distribution
    /// reserves and settles thousands of times a minute; an event each would be a queue of thousands on this one
    /// grain (its events leave in order, one after another).
    /// </summary>
    private void RaiseCreditsChanged(bool now)
    {
        if (State.CreditsEventPending && !now)
        {
            return;
        }

        if (!now && State.CreditsEventAt is { } last && Now - last < CreditsEventEvery)
        {
            SetTimer(CreditsEventTimer, last + CreditsEventEvery);
            State = State with { CreditsEventPending = true };
            return;
        }

        Enqueue(DomainEvents.Topic, JsonSerializer.Serialize(new GrainEvent(CreditsChanged, Id.ToString(), Id.Key, Now, Balance()), GrainJson.Options));
        State = State with { CreditsEventAt = Now };
    }

    /// <summary>Keeps the orphan timer at the moment the oldest reservation becomes orphaned, or cancelled when none is held.</summary>
    private BrandGrainState ArmOrphanCheck(BrandGrainState state)
    {
        var reservations = state.Brand.Credits.Reservations;
        DateTimeOffset? due = reservations.IsEmpty
            ? null
            : reservations.Values.Min(r => r.ReservedAt) + OrphanAge + TimeSpan.FromSeconds(1);
        if (due == state.OrphanCheckAt)
        {
            return state;
        }

        if (due is { } at)
        {
            SetTimer(OrphanTimer, at);
        }
        else
        {
            CancelTimer(OrphanTimer);
        }

        return state with { OrphanCheckAt = due };
    }

    private CreditBalance Balance()
    {
        var credits = State.Brand.Credits;
        return new CreditBalance(credits.BalanceMicros, credits.ReservedMicros, credits.AvailableMicros);
    }

    private BrandSnapshot Snapshot()
    {
        var brand = State.Brand;
        return new BrandSnapshot(Id.Key, brand.Name, brand.Settings, brand.Twilio is not null, brand.Twilio?.PhoneNumber.Digits, brand.Twilio?.AccountSid, Balance())
        {
            CreatedAt = State.CreatedAt,
            RetentionDays = State.RetentionDays,
            OutgoingWebhookUrl = State.OutgoingWebhookUrl,
            SandboxNumbers = [.. State.SandboxNumbers],
        };
    }

    private static Refusal Required(string field) => new(RefusalCodes.InvalidFormat, $"{field} is required.", field);
}
