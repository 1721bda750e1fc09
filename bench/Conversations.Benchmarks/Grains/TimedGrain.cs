using System.Globalization;
using Conversations.Runtime.Grains;

namespace Conversations.Benchmarks.Grains;

internal sealed class TimedGrain : Grain<TimedState>, ITimedGrain
{
    public Task ScheduleAsync(IReadOnlyList<DateTimeOffset> dueTimes)
    {
        for (var i = 0; i < dueTimes.Count; i++)
        {
            SetTimer(string.Create(CultureInfo.InvariantCulture, $"t{i}"), dueTimes[i]);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<double>> LatenessAsync() => Task.FromResult(State.LatenessMs);

    protected internal override TimedState InitialState() => new([]);

    // Now is the host's time when the firing turn started: the lateness a grain sees.
    protected internal override Task OnTimerAsync(string name, DateTimeOffset dueAt)
    {
        State = new TimedState([.. State.LatenessMs, (Now - dueAt).TotalMilliseconds]);
        return Task.CompletedTask;
    }
}
