namespace Conversations.Client.Contracts;

/// <summary><c>DELETE …/conversations/{id}</c>: what the erasure removed; its audit row keeps no personal data.</summary>
public sealed record ErasureView(string ErasureId, DateTimeOffset At, string BusinessNumber, long TranscriptEntries, int Deliveries, int MediaDeleted);
