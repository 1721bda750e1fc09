namespace Conversations.Silo.Media;

internal static partial class Log
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning,
        Message = "Refused to fetch inbound media {MediaId} of brand {BrandId} from {Host}: not a host of the provider")]
    public static partial void HostRefused(ILogger logger, string brandId, string mediaId, string host);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning,
        Message = "Could not fetch inbound media {MediaId} of brand {BrandId} from the provider: {Reason}")]
    public static partial void FetchFailed(ILogger logger, string brandId, string mediaId, string reason);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information,
        Message = "Fetched inbound media {MediaId} of brand {BrandId} from the provider ({Size} bytes) and cached it")]
    public static partial void Fetched(ILogger logger, string brandId, string mediaId, long size);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Retention deleted {Count} uploads of brand {BrandId}")]
    public static partial void UploadsSwept(ILogger logger, string brandId, int count);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "The retention sweep of uploads failed; it runs again at the next interval")]
    public static partial void SweepFailed(ILogger logger, Exception failure);
}
