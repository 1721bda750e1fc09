using System.Collections.Concurrent;
using System.Diagnostics;

namespace Conversations.Silo.Tests.Sending;

/// <summary>
/// What a fake provider API answers and what it received, per account, so tests sharing one fake never
/// see each other's calls: each request takes the next scripted answer of its account (accept at once
/// when none is left) and is recorded with its arrival and answer times.
/// </summary>
internal sealed class FakeScript
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeAnswer>> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeCall>> _calls = new(StringComparer.Ordinal);
    private readonly long _origin = Stopwatch.GetTimestamp();

    /// <summary>Time on the fake's stopwatch.</summary>
    public TimeSpan Now => Stopwatch.GetElapsedTime(_origin);

    /// <summary>Queues answers for the next requests of <paramref name="account"/>, in order.</summary>
    public void Script(string account, params FakeAnswer[] answers)
    {
        var queue = _answers.GetOrAdd(account, _ => new ConcurrentQueue<FakeAnswer>());
        foreach (var answer in answers)
        {
            queue.Enqueue(answer);
        }
    }

    public FakeAnswer NextAnswer(string account) =>
        _answers.TryGetValue(account, out var queue) && queue.TryDequeue(out var answer) ? answer : FakeAnswer.Accept();

    public void Record(FakeCall call) => _calls.GetOrAdd(call.Account, _ => new ConcurrentQueue<FakeCall>()).Enqueue(call);

    /// <summary>The requests of <paramref name="account"/> answered so far, in the order they arrived.</summary>
    public IReadOnlyList<FakeCall> CallsOf(string account) =>
        _calls.TryGetValue(account, out var calls) ? [.. calls.OrderBy(c => c.Started)] : [];
}
