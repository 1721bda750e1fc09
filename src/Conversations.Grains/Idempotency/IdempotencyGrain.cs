using Conversations.Runtime.Grains;

namespace Conversations.Grains.Idempotency;

/// <summary>Remembers the first request and response of one idempotency key for a day.</summary>
internal sealed class IdempotencyGrain : Grain<IdempotencyState>, IIdempotencyGrain
{
    /// <summary>How long a key is remembered (Stripe's convention: 24 hours).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>A request begun this long ago and never answered died with its node: its key may be used again.</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);

    private const string ExpiryTimer = "idempotency.expiry";

    public Task<IdempotencyBegin> BeginAsync(string requestHash)
    {
        var state = State;
        var expired = state.CompletedAt is { } completed && Now - completed > Retention;
        var stale = state.CompletedAt is null && state.BegunAt is { } begun && Now - begun > Abandoned;
        if (state.RequestHash is null || expired || stale)
        {
            State = new IdempotencyState(requestHash, Now, 0, null, null);
            SetTimer(ExpiryTimer, Now + Retention);
            return Task.FromResult(new IdempotencyBegin(IdempotencyDecision.Proceed));
        }

        if (!string.Equals(state.RequestHash, requestHash, StringComparison.Ordinal))
        {
            return Task.FromResult(new IdempotencyBegin(IdempotencyDecision.Mismatch));
        }

        return Task.FromResult(state.CompletedAt is null
            ? new IdempotencyBegin(IdempotencyDecision.InProgress)
            : new IdempotencyBegin(IdempotencyDecision.Replay, state.StatusCode, state.Body, state.Location));
    }

    public Task CompleteAsync(string requestHash, int statusCode, string? body, string? location)
    {
        if (string.Equals(State.RequestHash, requestHash, StringComparison.Ordinal) && State.CompletedAt is null)
        {
            State = State with { StatusCode = statusCode, Body = body, CompletedAt = Now, Location = location };
        }

        return Task.CompletedTask;
    }

    public Task AbandonAsync(string requestHash)
    {
        if (string.Equals(State.RequestHash, requestHash, StringComparison.Ordinal) && State.CompletedAt is null)
        {
            ClearState();
        }

        return Task.CompletedTask;
    }

    protected override IdempotencyState InitialState() => IdempotencyState.Empty;

    protected override Task OnTimerAsync(string name, DateTimeOffset dueAt)
    {
        if (name == ExpiryTimer && State.CompletedAt is { } completed && Now - completed >= Retention)
        {
            ClearState();
        }
        else if (name == ExpiryTimer && State.RequestHash is not null)
        {
            SetTimer(ExpiryTimer, (State.CompletedAt ?? State.BegunAt ?? Now) + Retention);
        }

        return Task.CompletedTask;
    }
}
