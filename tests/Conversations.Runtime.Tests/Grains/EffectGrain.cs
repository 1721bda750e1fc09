using System.Globalization;
using Conversations.Runtime.Grains;

namespace Conversations.Runtime.Tests.Grains;

public sealed class EffectGrain : Grain<EffectState>, IEffectGrain
{
    public const string Kind = "effects";
    public const string Topic = "notes";
    public const string Collection = "notes";
    public const string TimerName = "follow-up";

    public static DateTimeOffset FollowUp(DateTimeOffset now) => now + TimeSpan.FromHours(1);

    public static string RowKey(string grainKey, int note) => $"{grainKey}/{note.ToString(CultureInfo.InvariantCulture)}";

    public Task<int> RecordAsync(string note)
    {
        var number = State.Notes + 1;
        State = State with { Notes = number };
        SetTimer(TimerName, FollowUp(Now));
        Enqueue(Topic, note);
        UpsertRow(Collection, RowKey(Id.Key, number), Id.Key, number.ToString("D6", CultureInfo.InvariantCulture), note);
        return Task.FromResult(number);
    }

    public Task<int> GetNotesAsync() => Task.FromResult(State.Notes);

    protected internal override EffectState InitialState() => new(0);
}
