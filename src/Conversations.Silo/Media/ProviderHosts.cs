using Conversations.Silo.Configuration;

namespace Conversations.Silo.Media;

/// <summary>
/// Where inbound media may be fetched from — and nowhere else, whatever URL a transcript or a provider
/// answer holds (no server-side request forgery): Twilio's API (<c>api.twilio.com</c>) and media CDN
/// (<c>*.twiliocdn.com</c>); Meta's Graph host, <c>lookaside.fbsbx.com</c> and <c>*.whatsapp.net</c>; over
/// https. The configured <c>ApiBaseUrl</c> and <c>GraphBaseUrl</c> are trusted too, by exact scheme, host
/// and port (tests point them at loopback fakes).
/// </summary>
internal sealed class ProviderHosts(TwilioOptions twilio, MetaOptions meta)
{
    private static readonly string[] TwilioHosts = ["api.twilio.com"];
    private static readonly string[] TwilioSuffixes = [".twiliocdn.com"];
    private static readonly string[] MetaHosts = ["graph.facebook.com", "lookaside.fbsbx.com"];
    private static readonly string[] MetaSuffixes = [".whatsapp.net"];

    public bool IsTwilio(Uri url) => Allowed(url, twilio.ApiBaseUrl, TwilioHosts, TwilioSuffixes);

    public bool IsMeta(Uri url) => Allowed(url, meta.GraphBaseUrl, MetaHosts, MetaSuffixes);

    private static bool Allowed(Uri url, string configuredBase, string[] hosts, string[] suffixes)
    {
        if (!url.IsAbsoluteUri || !string.IsNullOrEmpty(url.UserInfo))
        {
            return false;
        }

        if (Uri.TryCreate(configuredBase, UriKind.Absolute, out var configured)
            && url.Scheme == configured.Scheme
            && string.Equals(url.IdnHost, configured.IdnHost, StringComparison.OrdinalIgnoreCase)
            && url.Port == configured.Port)
        {
            return true;
        }

        var host = url.IdnHost.ToLowerInvariant();
        return url.Scheme == Uri.UriSchemeHttps && url.IsDefaultPort
            && (hosts.Contains(host, StringComparer.Ordinal) || suffixes.Any(s => host.EndsWith(s, StringComparison.Ordinal)));
    }
}
