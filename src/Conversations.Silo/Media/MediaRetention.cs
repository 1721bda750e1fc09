using Conversations.Client;
using Conversations.Grains.Brands;
using Conversations.Runtime.Grains;

namespace Conversations.Silo.Media;

/// <summary>
/// What retention takes of stored media. Customer media: that of the transcript entries a purge removed.
/// Uploads: an upload goes once it is older than the brand's retention and was not sent since — by the
/// same UTC-day arithmetic as the Conversation grain's transcript purge (today is day 0), so an upload
/// goes with the last transcript day that could show it, and one never sent goes by its upload time.
/// </summary>
internal static class MediaRetention
{
    /// <summary>True when <paramref name="mediaId"/> belongs to an entry before <paramref name="beforeSeq"/> (every one when null).</summary>
    public static bool IsBefore(string mediaId, long? beforeSeq) =>
        beforeSeq is not { } before || (InboundMediaId.TryParse(mediaId, out _, out _, out var seq, out _) && seq < before);

    /// <summary>The start of the first UTC day a retention of <paramref name="retentionDays"/> keeps at <paramref name="now"/>.</summary>
    public static DateTimeOffset Cutoff(DateTimeOffset now, long retentionDays) =>
        new(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-(int)Math.Min(retentionDays, 36_500)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Deletes the brand's uploads its retention no longer keeps; returns how many.</summary>
    public static async Task<int> SweepUploadsAsync(IMediaStore store, IGrainFactory grains, TimeProvider time, string brandId, CancellationToken cancellationToken)
    {
        var settings = await grains.GetGrain<IBrandGrain>(brandId).GetSettingsAsync();
        return await store.DeleteOutboundBeforeAsync(brandId, Cutoff(time.GetUtcNow(), settings.RetentionDays), cancellationToken);
    }
}
