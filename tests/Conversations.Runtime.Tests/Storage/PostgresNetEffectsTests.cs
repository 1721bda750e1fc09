using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Runtime.Storage.Postgres;

namespace Conversations.Runtime.Tests.Storage;

/// <summary>
/// When PostgreSQL may write a batch in net form with its range deletes first: only when no change earlier in the batch
/// leaves a row in a range delete's reach (the results themselves are checked against one-by-one commits in the conformance tests).
/// </summary>
public sealed class PostgresNetEffectsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ATrimAfterUpsertsAboveItsCutOrInOtherPartitionsTakesTheNetForm()
    {
        Assert.True(PostgresNetEffects.Applies(
        [
            Turn("a", new UpsertRowEffect("events", "k9", "brand", "0009", "x"), new UpsertRowEffect("events", "k1", "other", "0001", "x")),
            Turn("b", new DeleteRowsBeforeEffect("events", "brand", "0005"), new UpsertRowEffect("events", "k2", "brand", "0002", "x")),
        ]));
    }

    [Fact]
    public void ATrimAfterAnUpsertBelowItsCutDoesNot()
    {
        Assert.False(PostgresNetEffects.Applies(
        [
            Turn("a", new UpsertRowEffect("events", "k4", "brand", "0004", "x")),
            Turn("b", new DeleteRowsBeforeEffect("events", "brand", "0005")),
        ]));

        // The same turn: its upsert came first.
        Assert.False(PostgresNetEffects.Applies([Turn("a", new UpsertRowEffect("events", "k4", "brand", "0004", "x"), new DeleteRowsBeforeEffect("events", "brand", "0005"))]));
    }

    [Fact]
    public void APartitionDeleteAfterAnUpsertIntoThatPartitionDoesNotAndAfterOneElsewhereDoes()
    {
        Assert.False(PostgresNetEffects.Applies([Turn("a", new UpsertRowEffect("log", "k", "q", "9", "x")), Turn("b", new DeletePartitionEffect("log", "q"))]));
        Assert.True(PostgresNetEffects.Applies([Turn("a", new UpsertRowEffect("other", "k", "q", "9", "x")), Turn("b", new DeletePartitionEffect("log", "q"))]));
    }

    private static TurnCommit Turn(string key, params GrainEffect[] effects) =>
        new(new GrainId("log", key), "state", 0, CommitKind.Write, "{}"u8.ToArray(), null, effects, At);
}
