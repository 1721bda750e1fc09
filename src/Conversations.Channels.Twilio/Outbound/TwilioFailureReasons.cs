namespace Conversations.Channels.Twilio.Outbound;

/// <summary>Stable, operator-readable reasons a Twilio send failed.</summary>
public static class TwilioFailureReasons
{
    /// <summary>Free-form message outside the 24-hour customer-service window (Twilio 63016): send an approved template.</summary>
    public const string OutsideWindow = "outside_window";

    /// <summary>The customer opted out, e.g. replied STOP (Twilio 21610).</summary>
    public const string OptedOut = "opted_out";

    /// <summary>The recipient is not a valid (WhatsApp) number (Twilio 21211, 21614, 63003, 63024).</summary>
    public const string InvalidNumber = "invalid_number";

    /// <summary>The template does not exist or is not approved for this language, or its variables do not fit (63027, 63028, 21656).</summary>
    public const string TemplateNotApproved = "template_not_approved";

    /// <summary>Too many messages: Twilio's or WhatsApp's rate limit (HTTP 429, 20429, 63017, 63018). Retried.</summary>
    public const string Throttled = "throttled";

    /// <summary>Twilio could not be reached or failed (network error, timeout, 5xx). Retried.</summary>
    public const string ProviderUnavailable = "provider_unavailable";

    /// <summary>Twilio refused the account SID / auth token (HTTP 401, 20003): fix the brand's Twilio account.</summary>
    public const string CredentialsRejected = "credentials_rejected";

    /// <summary>The message could not be sent as asked (e.g. a template with a body); nothing was sent to Twilio.</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>Any other refusal; the failure carries Twilio's own message.</summary>
    public const string ProviderRejected = "provider_rejected";
}
