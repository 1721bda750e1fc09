namespace Conversations.Channels.Meta.Outbound;

/// <summary>
/// Where and how <see cref="MetaMessagesClient"/> calls the Graph API. Deployment configuration
/// (<c>Conversations:Meta:GraphBaseUrl</c>, <c>Conversations:Meta:GraphApiVersion</c>); tests point the
/// base URL at a loopback server.
/// </summary>
public sealed class MetaClientOptions
{
    /// <summary>The Graph API host.</summary>
    public Uri GraphBaseUrl { get; set; } = new("https://graph.facebook.com");

    /// <summary>
    /// The Graph API version segment. v26.0 was the newest version in Meta's Graph API changelog when this
    /// was written (released 2026-07-29).
    /// </summary>
    public string GraphApiVersion { get; set; } = "v26.0";

    /// <summary>How long one send may take before it is abandoned as retryable (<c>timeout</c>).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
