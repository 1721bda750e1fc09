namespace Conversations.Channels.Meta.Outbound;

/// <summary>Stable reason codes for failed and retryable sends.</summary>
public static class MetaFailureReasons
{
    /// <summary>131047: more than 24 hours since the customer's last message; only a template may be sent.</summary>
    public const string OutsideWindow = "outside_window";

    /// <summary>132xxx: the template does not exist in that language, is paused or disabled, or its parameters do not match.</summary>
    public const string TemplateNotApproved = "template_not_approved";

    /// <summary>131050: the customer chose to stop receiving marketing messages from this business.</summary>
    public const string OptedOut = "opted_out";

    /// <summary>131026: the recipient cannot receive the message (not on WhatsApp, old client, terms not accepted).</summary>
    public const string InvalidNumber = "invalid_number";

    /// <summary>190 / 0 / 10 / 200–299 or HTTP 401: the number's access token is expired, revoked or lacks permission.</summary>
    public const string AuthFailed = "auth_failed";

    /// <summary>Any other refusal; the detail carries Meta's message.</summary>
    public const string ProviderRejected = "provider_rejected";

    /// <summary>A 2xx that named no message id; not retried, since the message may have gone out.</summary>
    public const string UnexpectedResponse = "unexpected_response";

    /// <summary>Retryable: HTTP 429 or Meta's throughput codes (130429, 131056, 80007, 4).</summary>
    public const string Throttled = "throttled";

    /// <summary>Retryable: HTTP 5xx or 408.</summary>
    public const string ServerError = "server_error";

    /// <summary>Retryable: the connection failed.</summary>
    public const string Network = "network";

    /// <summary>Retryable: no answer within <see cref="MetaClientOptions.RequestTimeout"/>.</summary>
    public const string Timeout = "timeout";

    /// <summary>
    /// The permanent reason for a Meta error code, in the operator's terms; <see cref="ProviderRejected"/>
    /// for codes not singled out. Used for a send's error body and a <c>failed</c> status's <c>errors[]</c> alike.
    /// </summary>
    public static string ForErrorCode(int code) => code switch
    {
        131047 => OutsideWindow,
        131050 => OptedOut,
        >= 132000 and <= 132999 => TemplateNotApproved,
        131026 => InvalidNumber,
        130429 or 131056 or 80007 or 4 => Throttled,
        190 or 0 or 10 or (>= 200 and <= 299) => AuthFailed,
        _ => ProviderRejected,
    };
}
