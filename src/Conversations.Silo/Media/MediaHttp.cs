namespace Conversations.Silo.Media;

/// <summary>
/// The HTTP client media travels on: it never follows redirects by itself, so every hop is checked
/// against <see cref="ProviderHosts"/> before a request (and a credential) goes to it.
/// </summary>
internal sealed class MediaHttp
{
    public HttpClient Client { get; } = new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
