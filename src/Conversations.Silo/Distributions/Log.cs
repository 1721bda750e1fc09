namespace Conversations.Silo.Distributions;

internal static partial class Log
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information,
        Message = "Distribution {DistributionId} of brand {BrandId} finished: {Handled} recipients handled")]
    public static partial void Finished(ILogger logger, string brandId, string distributionId, long handled);
}
