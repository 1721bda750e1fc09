using Conversations.Channels.Twilio.Inbound;

namespace Conversations.Channels.Twilio.Outbound;

/// <summary>Refuses, before any HTTP call, a send Twilio would refuse or that could not be addressed safely.</summary>
internal static class TwilioSendRequestCheck
{
    private const int MaxMedia = 10;
    private const int MaxSidLength = 64;

    /// <summary>Why the request cannot be sent; null when it can. Never echoes credentials.</summary>
    public static string? Refusal(string accountSid, string authToken, TwilioSendRequest request)
    {
        if (!IsSid(accountSid))
        {
            return "AccountSid must be 1 to 64 ASCII letters and digits";
        }

        if (string.IsNullOrEmpty(authToken))
        {
            return "the Twilio auth token is missing";
        }

        if (!TwilioAddress.IsDigits(request.From))
        {
            return "From must be the business number as 1 to 15 digits";
        }

        if (request.To is null || !(TwilioAddress.IsDigits(request.To) || TwilioAddress.IsUserId(request.To)))
        {
            return "To must be 1 to 15 digits or a business-scoped user id";
        }

        var hasMedia = request.MediaUrls is { Count: > 0 };
        if (!string.IsNullOrEmpty(request.ContentSid))
        {
            if (!IsSid(request.ContentSid) || !request.ContentSid.StartsWith("HX", StringComparison.Ordinal))
            {
                return "ContentSid must be a Content template SID (HX…)";
            }

            // Twilio: remove Body and MediaUrl when sending a content template (else 63016 outside the window).
            if (!string.IsNullOrEmpty(request.Body) || hasMedia)
            {
                return "a template (ContentSid) is sent without Body or MediaUrl";
            }
        }
        else
        {
            if (request.ContentVariables is { Count: > 0 })
            {
                return "ContentVariables need a ContentSid";
            }

            if (string.IsNullOrEmpty(request.Body) && !hasMedia)
            {
                return "a message needs a Body, a MediaUrl or a ContentSid";
            }
        }

        if (request.MediaUrls is { Count: > MaxMedia })
        {
            return $"at most {MaxMedia} MediaUrl per message";
        }

        if (request.MediaUrls is not null && request.MediaUrls.Any(u => u is null || !IsHttp(u)))
        {
            return "every MediaUrl must be an absolute http(s) URL";
        }

        if (request.StatusCallback is not null && !IsHttp(request.StatusCallback))
        {
            return "StatusCallback must be an absolute http(s) URL";
        }

        return null;
    }

    private static bool IsSid(string? sid) =>
        !string.IsNullOrEmpty(sid) && sid.Length <= MaxSidLength && sid.All(char.IsAsciiLetterOrDigit);

    private static bool IsHttp(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
