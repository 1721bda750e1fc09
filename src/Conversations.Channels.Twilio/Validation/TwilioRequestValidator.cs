using System.Buffers;
using System.Buffers.Text;
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
        var key = Encoding.UTF8.GetBytes(authToken);
        var parameters = EncodeSorted(formParameters);
        Span<byte> expected = stackalloc byte[Base64SignatureLength];
        var valid = false;
        foreach (var candidate in TwilioUrlVariants.For(url))
        {
            SignUtf8(key, candidate, parameters.WrittenSpan, expected);
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

    /// <summary>The length of a base64 HMAC-SHA1 (20 bytes): 28 characters.</summary>
    private const int Base64SignatureLength = 28;

    private static string Sign(string authToken, string url, ArrayBufferWriter<byte> parameters)
    {
        Span<byte> signature = stackalloc byte[Base64SignatureLength];
        SignUtf8(Encoding.UTF8.GetBytes(authToken), url, parameters.WrittenSpan, signature);
        return Encoding.ASCII.GetString(signature);
    }

    /// <summary>Writes the base64 signature (as ASCII bytes) of the URL followed by the encoded, sorted parameters.</summary>
    [SuppressMessage("Security", "CA5350", Justification = "Twilio signs webhooks with HMAC-SHA1; we verify, we do not choose.")]
    private static void SignUtf8(byte[] key, string url, ReadOnlySpan<byte> parameters, Span<byte> base64)
    {
        var length = Encoding.UTF8.GetByteCount(url) + parameters.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(url, rented);
            parameters.CopyTo(rented.AsSpan(written));
            Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
            HMACSHA1.HashData(key, rented.AsSpan(0, length), hash);
            Base64.EncodeToUtf8(hash, base64, out _, out _);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Every parameter's name then value, UTF-8, sorted by name then value in byte order, one after the other.</summary>
    private static ArrayBufferWriter<byte> EncodeSorted(IEnumerable<KeyValuePair<string, string>> formParameters)
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
        var data = new ArrayBufferWriter<byte>(256);
        foreach (var (name, value) in encoded)
        {
            Write(data, name);
            Write(data, value);
        }

        return data;
    }

    private static void Write(ArrayBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(writer.GetSpan(bytes.Length));
        writer.Advance(bytes.Length);
    }
}
