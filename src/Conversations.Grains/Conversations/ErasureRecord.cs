namespace Conversations.Grains.Conversations;

/// <summary>
/// The audit trail of a data-protection erasure, kept in the <c>erasures</c> projection (partition:
/// brand id): when, which business number, how much was erased, and by which key — never who the
/// customer was.
/// </summary>
public sealed record ErasureRecord(string ErasureId, string BrandId, string BusinessNumber, DateTimeOffset At, long TranscriptEntries, int Deliveries, string? RequestedBy);
