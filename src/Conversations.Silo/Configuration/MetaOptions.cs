namespace Conversations.Silo.Configuration;

/// <summary>
/// <c>Conversations:Meta</c>: the one Meta app that serves the whole deployment, as a business
/// solution provider runs it. Each brand's numbers carry their own access tokens.
/// </summary>
public sealed class MetaOptions
{
    public const string Section = "Conversations:Meta";

    /// <summary>The app secret that signs webhooks (<c>X-Hub-Signature-256</c>). A secret.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The token Meta echoes in the subscription handshake. A secret.</summary>
    public string? VerifyToken { get; set; }

    public string GraphBaseUrl { get; set; } = "https://graph.facebook.com";

    public string GraphApiVersion { get; set; } = "v26.0";
}
