namespace Conversations.Silo.Conversations;

internal static partial class Log
{
    [LoggerMessage(EventId = 5701, Level = LogLevel.Information,
        Message = "The storage scrub after an erasure could not finish (readers were active); it is retried in the background")]
    public static partial void ScrubDeferred(ILogger logger);

    [LoggerMessage(EventId = 5702, Level = LogLevel.Warning, Message = "The storage scrub after an erasure failed; it is retried")]
    public static partial void ScrubFailed(ILogger logger, Exception failure);
}
