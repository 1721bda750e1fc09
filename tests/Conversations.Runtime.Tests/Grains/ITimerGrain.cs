using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Tests.Grains;

public interface ITimerGrain : IGrain
{
    Task ScheduleAsync(string name, DateTimeOffset dueAt);

    Task CancelAsync(string name);

    Task<int> GetFiredAsync();
}
