using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Tests.Grains;

/// <summary>Counts its own timer firings in its state (and tells the test's recorder).</summary>
public sealed class TimerGrain(FiringRecorder recorder) : Grain<TimerState>, ITimerGrain
{
    public const string Kind = "timer";

    public Task ScheduleAsync(string name, DateTimeOffset dueAt)
    {
        SetTimer(name, dueAt);
        return Task.CompletedTask;
    }

    public Task CancelAsync(string name)
    {
        CancelTimer(name);
        return Task.CompletedTask;
    }

    public Task<int> GetFiredAsync() => Task.FromResult(State.Fired);

    protected internal override TimerState InitialState() => new(0);

    protected internal override Task OnTimerAsync(string name, DateTimeOffset dueAt)
    {
        State = State with { Fired = State.Fired + 1 };
        recorder.Record(Id);
        return Task.CompletedTask;
    }
}
