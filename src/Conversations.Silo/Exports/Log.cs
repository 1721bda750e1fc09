namespace Conversations.Silo.Exports;

/// <summary>Export deliveries. Never the body (personal data), the secret or the signature; of the URL only its host.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5601, Level = LogLevel.Information, Message = "Export {ExportId} ({Kind}) delivered to {Host}: {Status}")]
    public static partial void ExportDelivered(ILogger logger, string exportId, string kind, string host, int status);

    [LoggerMessage(EventId = 5602, Level = LogLevel.Warning, Message = "Export {ExportId} ({Kind}) not delivered to {Host} yet (attempt {Attempt}): {Reason}")]
    public static partial void ExportRetrying(ILogger logger, string exportId, string kind, string host, int attempt, string reason);

    [LoggerMessage(EventId = 5603, Level = LogLevel.Warning, Message = "Export {ExportId} ({Kind}) failed: {Reason}")]
    public static partial void ExportFailed(ILogger logger, string exportId, string kind, string reason);
}
