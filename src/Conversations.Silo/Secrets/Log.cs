namespace Conversations.Silo.Secrets;

internal static partial class Log
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information,
        Message = "Generated the master key of the secrets key ring at {Path} (Conversations:MasterKey is not set); back this file up: without it the stored provider secrets cannot be decrypted")]
    public static partial void MasterKeyGenerated(ILogger logger, string path);
}
