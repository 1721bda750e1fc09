namespace Conversations.Runtime.Storage;

/// <summary>
/// Asks a commit to insert its turn's outbox messages of <see cref="Topics"/> already leased to <see cref="NodeId"/> until
/// <see cref="LeaseUntil"/>, so that the node hands them to their handler itself, from memory, without a claim: a
/// claim is a query and an update per message, as costly as the rest of the message's writes together. A message is
/// leased only when its grain has no earlier message of its topic in the outbox (in hand, waiting for a retry, or
/// another node's); otherwise it is inserted unleased and claimed in its turn as before, so a grain's messages of a
/// topic are still handled one at a time in commit order. A storage that does not lease at insert leaves
/// <see cref="Leased"/> empty, which is always correct: the claim then finds every message.
/// </summary>
public sealed class OutboxHandoff(string nodeId, DateTimeOffset leaseUntil, IReadOnlySet<string> topics)
{
    public string NodeId { get; } = nodeId;

    public DateTimeOffset LeaseUntil { get; } = leaseUntil;

    public IReadOnlySet<string> Topics { get; } = topics;

    /// <summary>
    /// The messages inserted leased to <see cref="NodeId"/>, in commit order: set by the storage once the commit is
    /// durable (never for a commit that did not happen).
    /// </summary>
    public IReadOnlyList<OutboxMessage> Leased { get; private set; } = [];

    /// <summary>Whether a message of this topic may be inserted leased (a storage still checks that its grain has no earlier one waiting).</summary>
    public bool Wants(string topic) => Topics.Contains(topic);

    /// <summary>
    /// Records, once the commit is durable, which of <paramref name="commit"/>'s outbox messages were inserted leased:
    /// <paramref name="rows"/> has one (id, leased) per outbox effect of the turn, in effect order.
    /// </summary>
    internal static void Record(TurnCommit commit, IReadOnlyList<(long Id, bool Leased)> rows)
    {
        if (commit.Handoff is not { } handoff)
        {
            return;
        }

        var leased = new List<OutboxMessage>();
        var position = 0;
        foreach (var effect in commit.Effects)
        {
            if (effect is Grains.OutboxEffect message && position < rows.Count)
            {
                var (id, isLeased) = rows[position++];
                if (isLeased)
                {
                    leased.Add(new OutboxMessage(id, commit.Grain, message.Topic, message.Payload, 0, UnixTime.FromMs(UnixTime.ToMs(commit.At))));
                }
            }
        }

        handoff.Leased = leased;
    }
}
