using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Tests.Grains;

/// <summary>A grain whose every turn writes state plus one of each effect: a timer, an outbox message and a projection row.</summary>
public interface IEffectGrain : IGrain
{
    Task<int> RecordAsync(string note);

    Task<int> GetNotesAsync();
}
