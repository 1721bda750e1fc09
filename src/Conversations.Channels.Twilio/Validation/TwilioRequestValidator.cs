using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Conversations.Channels.Twilio.Validation;

/// <summary>
/// Checks the <c>X-Twilio-Signature</c> header of a form-encoded Twilio webhook the way Twilio signs it:
/// the public URL (scheme, host, path and the query exactly as received, not decoded) followed by every
/// POST parameter sorted by name, name then value, HMAC-SHA1 keyed with the account's auth token, base64.
/// </summary>
/// <remarks>
/// Names sort by byte order (ordinal on UTF-8), never culture-aware; a repeated name contributes each of
/// its values, the values sorted too. Because Twilio's own signing is inconsistent about the port, the URL
/// is also tried with the port removed, or with the scheme's default port (https 443, http 80) added,
/// exactly as Twilio's published validators do.
/// </remarks>
public static class TwilioRequestValidator
{
    /// <summary>Whether <paramref name="signatureHeader"/> is Twilio's signature of this request.</summary>
    /// <param name="authToken">The Twilio account's auth token (the HMAC key).</param>
    /// <param name="url">The public URL Twilio called: base + path + raw query as received.</param>
    /// <param name="formParameters">The POST parameters, in any order, repeated names allowed.</param>
    /// <param name="signatureHeader">The <c>X-Twilio-Signature</c> header; missing or empty is never valid.</param>
    public static bool IsValid(
        string authToken,
        string url,
        IEnumerable<KeyValuePair<string, string>> formParameters,
        string? signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(formParameters);
        if (string.IsNullOrEmpty(signatureHeader) || string.IsNullOrEmpty(authToken) || string.IsNullOrEmpty(url))
        {
            return false;
        }

        var presented = Encoding.UTF8.GetBytes(signatureHeader.Trim());
        var parameters = EncodeSorted(formParameters);
        var valid = false;
        foreach (var candidate in TwilioUrlVariants.For(url))
        {
            var expected = Encoding.ASCII.GetBytes(Sign(authToken, candidate, parameters));
            // Non-short-circuiting so both variants always cost the same.
            valid |= CryptographicOperations.FixedTimeEquals(expected, presented);
        }

        return valid;
    }

    /// <summary>
    /// Twilio's signature of <paramref name="url"/> (used exactly as given) and <paramref name="formParameters"/>.
    /// Tests and load generators use it to sign requests the way Twilio does.
    /// </summary>
    public static string ComputeSignature(
        string authToken,
        string url,
        IEnumerable<KeyValuePair<string, string>> formParameters)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(formParameters);
        return Sign(authToken, url, EncodeSorted(formParameters));
    }

    [SuppressMessage("Security", "CA5350", Justification = "Twilio signs webhooks with HMAC-SHA1; we verify, we do not choose.")]
    private static string Sign(string authToken, string url, List<(byte[] Name, byte[] Value)> parameters)
    {
        var data = new ArrayBufferWriter<byte>(256);
        Write(data, Encoding.UTF8.GetBytes(url));
        foreach (var (name, value) in parameters)
        {
            Write(data, name);
            Write(data, value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), data.WrittenSpan));
    }

    private static List<(byte[] Name, byte[] Value)> EncodeSorted(IEnumerable<KeyValuePair<string, string>> formParameters)
    {
        var encoded = formParameters
            .Select(p => (Name: Encoding.UTF8.GetBytes(p.Key ?? string.Empty), Value: Encoding.UTF8.GetBytes(p.Value ?? string.Empty)))
            .ToList();
        // UTF-8 byte order equals Unicode code point order: the "ordinal" Twilio's validators sort by.
        encoded.Sort(static (a, b) =>
        {
            var byName = a.Name.AsSpan().SequenceCompareTo(b.Name);
            return byName != 0 ? byName : a.Value.AsSpan().SequenceCompareTo(b.Value);
        });
        return encoded;
    }

    private static void Write(ArrayBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(writer.GetSpan(bytes.Length));
        writer.Advance(bytes.Length);
    }
}
