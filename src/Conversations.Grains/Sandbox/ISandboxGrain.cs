using Conversations.Grains.Conversations;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;

namespace Conversations.Grains.Sandbox;

/// <summary>
/// The simulated provider behind a brand's sandbox numbers, one per brand and recipient (key: <c>{brandId}|{to}</c>, <see cref="SandboxKeys.Of"/>). A message handed to it
/// is stored (listed by <see cref="ProjectionCollections.SandboxOutbound"/>, partition
/// <c>{brandId}|{to}</c>) and reported <c>sent</c> at once, then <c>delivered</c> and <c>read</c>
/// after short delays, by durable timers — as a real provider's status callbacks would.
/// Idempotent by message id: the outbox delivers at least once.
/// </summary>
public interface ISandboxGrain : IGrain
{
    Task DeliverAsync(OutboundSendRequest message);

    /// <summary>
    /// After an erasure: deletes those of <paramref name="rows"/> (this recipient's <c>sandbox_outbound</c> rows, as read)
    /// sent in <paramref name="conversation"/> (the conversation grain's key), and drops its messages still awaiting their
    /// delivered and read reports, as a provider honouring an erasure would. Ids stay seen, so a late redelivery is not
    /// recorded again. Idempotent.
    /// </summary>
    Task ForgetConversationAsync(string conversation, IReadOnlyList<StoredRow> rows);
}
