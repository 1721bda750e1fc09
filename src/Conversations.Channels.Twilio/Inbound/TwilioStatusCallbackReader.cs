using System.Globalization;
using Conversations.Channels.Twilio.Outbound;

namespace Conversations.Channels.Twilio.Inbound;

/// <summary>Reads a status callback: <c>MessageSid</c>, <c>MessageStatus</c>, <c>ErrorCode</c>, and our id from the URL's query.</summary>
internal static class TwilioStatusCallbackReader
{
    public static TwilioWebhook Read(IReadOnlyList<KeyValuePair<string, string>> form, string? callbackQuery)
    {
        var sidError = TwilioFormFields.ReadMessageSid(form, out var messageSid);
        if (sidError is not null)
        {
            return sidError;
        }

        var rawStatus = TwilioFormFields.Find(form, "MessageStatus");
        if (string.IsNullOrEmpty(rawStatus))
        {
            return new TwilioParseError("MessageStatus", "required");
        }

        if (!TryParseStatus(rawStatus, out var status))
        {
            return new TwilioParseError(
                "MessageStatus",
                "must be one of queued, sending, sent, delivered, read, failed, undelivered, accepted, scheduled, canceled, partially_delivered, receiving, received");
        }

        int? errorCode = null;
        var rawError = TwilioFormFields.Find(form, "ErrorCode");
        if (!string.IsNullOrEmpty(rawError))
        {
            if (!int.TryParse(rawError, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                return new TwilioParseError("ErrorCode", "must be a non-negative integer");
            }

            errorCode = code;
        }

        return new TwilioStatusCallback(
            messageSid!,
            status,
            rawStatus,
            errorCode,
            TwilioStatusCallbackUrl.ReadMessageId(callbackQuery),
            TwilioFormFields.Find(form, "AccountSid"));
    }

    public static bool TryParseStatus(string? value, out TwilioMessageStatus status)
    {
        // A status is a bare word: surrounding whitespace (a stray line ending) does not make it unknown.
        (var known, status) = value?.Trim() switch
        {
            "queued" or "accepted" or "scheduled" => (true, TwilioMessageStatus.Queued),
            "sending" => (true, TwilioMessageStatus.Sending),
            "sent" => (true, TwilioMessageStatus.Sent),
            "delivered" or "partially_delivered" => (true, TwilioMessageStatus.Delivered),
            "read" => (true, TwilioMessageStatus.Read),
            "failed" or "canceled" => (true, TwilioMessageStatus.Failed),
            "undelivered" => (true, TwilioMessageStatus.Undelivered),
            "receiving" or "received" => (true, TwilioMessageStatus.Received),
            _ => (false, default),
        };
        return known;
    }
}
