namespace Conversations.Channels.Twilio.Outbound;

/// <summary>
/// What Twilio's error codes mean to us, for both the Messages API's error bodies and the
/// <c>ErrorCode</c> of failed/undelivered status callbacks.
/// </summary>
public static class TwilioErrorCodes
{
    public const int OutsideWindow = 63016;
    public const int OptedOut = 21610;
    public const int RateLimitExceededForChannel = 63018;

    /// <summary>The <see cref="TwilioFailureReasons"/> value for a Twilio error code; null for codes we do not single out.</summary>
    public static string? ReasonFor(int code) => code switch
    {
        63016 => TwilioFailureReasons.OutsideWindow,
        21610 => TwilioFailureReasons.OptedOut,
        // 21211 invalid 'To' number; 21614 'To' not a valid mobile number;
        // 63003 channel could not find To address; 63024 invalid message recipient (not on WhatsApp).
        21211 or 21614 or 63003 or 63024 => TwilioFailureReasons.InvalidNumber,
        // 63027 template does not exist for a language and locale; 63028 parameter count mismatch;
        // 21656 ContentVariables invalid.
        63027 or 63028 or 21656 => TwilioFailureReasons.TemplateNotApproved,
        // 20429 too many requests; 63017 account rate limit; 63018 rate limit exceeded for channel.
        20429 or 63017 or 63018 => TwilioFailureReasons.Throttled,
        20003 => TwilioFailureReasons.CredentialsRejected,
        _ => null,
    };

    /// <summary>Whether a failure with this code is worth retrying later (throttling only).</summary>
    public static bool IsRetryable(int code) => ReasonFor(code) == TwilioFailureReasons.Throttled;
}
