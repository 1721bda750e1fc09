using System.Buffers;

namespace Conversations.Channels.Twilio.Inbound;

/// <summary>Field access shared by the webhook readers.</summary>
internal static class TwilioFormFields
{
    private const int MaxSidLength = 64;

    private static readonly SearchValues<char> SidCharacters =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    public static TwilioParseError? ReadMessageSid(IReadOnlyList<KeyValuePair<string, string>> form, out string? sid)
    {
        // SmsSid / SmsMessageSid are the deprecated names of the same value; some payloads carry only them.
        sid = Find(form, "MessageSid") ?? Find(form, "SmsMessageSid") ?? Find(form, "SmsSid");
        if (string.IsNullOrEmpty(sid))
        {
            return new TwilioParseError("MessageSid", "required");
        }

        if (sid.Length > MaxSidLength || sid.AsSpan().ContainsAnyExcept(SidCharacters))
        {
            return new TwilioParseError("MessageSid", $"must be 1 to {MaxSidLength} ASCII letters and digits");
        }

        return null;
    }

    /// <summary>The first value of <paramref name="name"/>; Twilio sends each of these fields once.</summary>
    public static string? Find(IReadOnlyList<KeyValuePair<string, string>> form, string name)
    {
        for (var i = 0; i < form.Count; i++)
        {
            if (string.Equals(form[i].Key, name, StringComparison.Ordinal))
            {
                return form[i].Value;
            }
        }

        return null;
    }
}
