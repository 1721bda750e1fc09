using Conversations.Client;

namespace Conversations.Silo.Media;

/// <summary>Which cached customer media a retention purge takes: that of transcript entries it purged.</summary>
internal static class MediaRetention
{
    /// <summary>True when <paramref name="mediaId"/> belongs to an entry before <paramref name="beforeSeq"/> (every one when null).</summary>
    public static bool IsBefore(string mediaId, long? beforeSeq) =>
        beforeSeq is not { } before || (InboundMediaId.TryParse(mediaId, out _, out _, out var seq, out _) && seq < before);
}
