namespace Conversations.Grains.Conversations;

/// <summary>
/// The payload of a <c>media.purge</c> outbox message: retention purged a conversation's transcript
/// entries before <see cref="BeforeSeq"/>, so the customer media cached for them goes too.
/// <see cref="Conversation"/> is the API's id (<c>{businessNumber}-{customer}</c>).
/// </summary>
public sealed record MediaPurge(string BrandId, string Conversation, long BeforeSeq);
