namespace Conversations.Grains.Conversations;

/// <summary>The first transcript entry recorded on a UTC day: retention purges whole days, oldest first.</summary>
public sealed record TranscriptDay(DateOnly Day, long FirstSeq);
