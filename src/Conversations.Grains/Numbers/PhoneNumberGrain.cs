using System.Text.Json;
using Conversations.Domain.Common;
using Conversations.Domain.Numbers;
using Conversations.Runtime.Grains;

namespace Conversations.Grains.Numbers;

/// <summary>The PhoneNumber grain: <see cref="PhoneNumberRules"/> for one business number.</summary>
internal sealed class PhoneNumberGrain : Grain<PhoneNumberState>, IPhoneNumberGrain
{
    public const string NumbersCollection = ProjectionCollections.Numbers;

    public Task<NumberSnapshot> GetAsync() => Task.FromResult(Snapshot(State));

    public Task<NumberSnapshot> GetCurrentAsync() => GetAsync();

    public Task<NumberOutcome> ClaimAsync(string brandId, ChannelProvider provider)
    {
        if (string.IsNullOrEmpty(brandId))
        {
            return Refused(new Refusal(RefusalCodes.InvalidFormat, "brandId is required.", "brandId"));
        }

        // The key is the number: a key that is not a valid WhatsApp number must not be connected to anything.
        if (!WhatsAppNumber.TryParse(Id.Key, "phoneNumber", out _, out var invalid))
        {
            return Refused(invalid!);
        }

        return Apply(PhoneNumberRules.Claim(State, brandId, provider));
    }

    public Task<NumberOutcome> ReleaseAsync(string brandId) => Apply(PhoneNumberRules.Release(State, brandId));

    public Task<NumberOutcome> AssignDepartmentAsync(string brandId, string? department, IReadOnlyList<string> brandDepartments)
    {
        ArgumentNullException.ThrowIfNull(brandDepartments);
        return Apply(PhoneNumberRules.AssignDepartment(State, brandId, department, brandDepartments));
    }

    public Task<NumberOutcome> SetThroughputAsync(string brandId, Throughput throughput)
    {
        ArgumentNullException.ThrowIfNull(throughput);
        return Apply(PhoneNumberRules.SetThroughput(State, brandId, throughput));
    }

    public Task<NumberOutcome> SetRegistrationAsync(string brandId, RegistrationStatus registration) =>
        Apply(PhoneNumberRules.SetRegistration(State, brandId, registration));

    public Task<DateTimeOffset> TakeSendSlotAsync(bool media)
    {
        var rate = media ? State.Throughput.MediaPerSecond : State.Throughput.TextPerSecond;
        var (slot, next) = SendPacing.Take(media ? State.NextMediaSendAt : State.NextTextSendAt, rate, Now);
        State = media ? State with { NextMediaSendAt = next } : State with { NextTextSendAt = next };
        return Task.FromResult(slot);
    }

    public Task<SendSlot> TakeSendSlotWithinAsync(bool media, TimeSpan longestWait)
    {
        var rate = media ? State.Throughput.MediaPerSecond : State.Throughput.TextPerSecond;
        var (slot, next) = SendPacing.Take(media ? State.NextMediaSendAt : State.NextTextSendAt, rate, Now);
        if (slot - Now > longestWait)
        {
            return Task.FromResult(new SendSlot(slot - longestWait, Taken: false));
        }

        State = media ? State with { NextMediaSendAt = next } : State with { NextTextSendAt = next };
        return Task.FromResult(new SendSlot(slot, Taken: true));
    }

    public async Task<IReadOnlyList<SendSlot>> TakeSendSlotsWithinAsync(IReadOnlyList<SendSlotRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var slots = new SendSlot[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            slots[i] = await TakeSendSlotWithinAsync(requests[i].Media, requests[i].LongestWait);
        }

        return slots;
    }

    protected override PhoneNumberState InitialState() => PhoneNumberState.Unowned;

    private Task<NumberOutcome> Apply(Decision<PhoneNumberState> decision)
    {
        if (!decision.IsAccepted)
        {
            return Refused(decision.Refusal!);
        }

        if (ReferenceEquals(decision.State, State) || decision.State == State)
        {
            return Task.FromResult(new NumberOutcome(null, Snapshot(State)));
        }

        State = decision.State;
        var snapshot = Snapshot(State);
        foreach (var effect in decision.Effects.Where(DomainEvents.IsConsumed))
        {
            var brandId = effect switch
            {
                NumberClaimed claimed => claimed.BrandId,
                NumberReleased released => released.BrandId,
                _ => State.BrandId,
            };
            Enqueue(DomainEvents.Topic, DomainEvents.Serialize(effect, Id.ToString(), brandId, Now));
        }

        if (State.BrandId is { } owner)
        {
            UpsertRow(NumbersCollection, Id.Key, owner, Id.Key, JsonSerializer.Serialize(snapshot, GrainJson.Options));
        }
        else
        {
            DeleteRow(NumbersCollection, Id.Key);
        }

        return Task.FromResult(new NumberOutcome(null, snapshot));
    }

    private Task<NumberOutcome> Refused(Refusal refusal) => Task.FromResult(new NumberOutcome(refusal, Snapshot(State)));

    private NumberSnapshot Snapshot(PhoneNumberState state) =>
        new(Id.Key, state.BrandId, state.Provider, state.Department, state.Throughput, state.Registration, state.IsOwned ? state.Error : null);
}
