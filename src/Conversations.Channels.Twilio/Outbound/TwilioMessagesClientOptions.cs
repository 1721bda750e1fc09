using System.ComponentModel.DataAnnotations;

namespace Conversations.Channels.Twilio.Outbound;

/// <summary>Where and how long to talk to Twilio's REST API (<c>Conversations:Twilio</c>).</summary>
public sealed class TwilioMessagesClientOptions
{
    /// <summary>Twilio's API base URL; tests point it at a loopback server.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://api.twilio.com");

    /// <summary>How long one send may take before it counts as a retryable failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
