using System.ComponentModel.DataAnnotations;

namespace Conversations.Silo.Configuration;

/// <summary><c>Conversations:Media</c>: how long signed media links live, how large a customer's media may be, how often uploads are swept for retention.</summary>
public sealed class MediaOptions
{
    public const string Section = "Conversations:Media";

    /// <summary>How long a signed link to our media (handed to Twilio as <c>MediaUrl</c>) stays valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan SignedUrlLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The largest inbound media fetched from a provider (Meta takes documents up to 100 MB).</summary>
    [Range(1, 1_000_000_000)]
    public long MaxInboundBytes { get; set; } = 100_000_000;

    /// <summary>
    /// How often each node sweeps the brands' uploads for retention (uploads never sent go by upload time;
    /// a retention purge of a conversation also sweeps its brand at once).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);
}
