using System.Text;
using System.Text.Unicode;

namespace Conversations.Channels.Twilio.Inbound;

/// <summary>
/// Reads an <c>application/x-www-form-urlencoded</c> body (Twilio's webhook format) from its raw bytes:
/// UTF-8, <c>+</c> as space, <c>%XX</c> escapes; fields keep their order and repeated names.
/// </summary>
/// <remarks>
/// Works on the raw bytes so the endpoint can hash and validate exactly what arrived before any model
/// binding. Stricter than browsers on purpose: a bad escape or invalid UTF-8 is an error, never a guess.
/// Never throws.
/// </remarks>
public static class TwilioForm
{
    /// <summary>More fields than any Twilio webhook sends (about 30), so a flood of tiny fields is refused.</summary>
    public const int MaxFields = 1000;

    /// <summary>Parses a form body; an empty body is an empty form.</summary>
    public static TwilioFormResult Parse(ReadOnlySpan<byte> body)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var buffer = new byte[body.Length];
        var position = 0;
        while (position <= body.Length)
        {
            var rest = body[position..];
            var length = rest.IndexOf((byte)'&');
            if (length < 0)
            {
                length = rest.Length;
            }

            var segment = rest[..length];
            position += length + 1;
            if (segment.IsEmpty)
            {
                continue; // "a=1&&b=2" and a trailing "&" carry no field.
            }

            if (fields.Count == MaxFields)
            {
                return TwilioFormResult.Failure($"more than {MaxFields} fields");
            }

            var equals = segment.IndexOf((byte)'=');
            var rawName = equals < 0 ? segment : segment[..equals];
            var rawValue = equals < 0 ? ReadOnlySpan<byte>.Empty : segment[(equals + 1)..];
            var name = Decode(rawName, buffer, fields.Count, "name");
            if (name.Error is not null)
            {
                return TwilioFormResult.Failure(name.Error);
            }

            var value = Decode(rawValue, buffer, fields.Count, "value");
            if (value.Error is not null)
            {
                return TwilioFormResult.Failure(value.Error);
            }

            fields.Add(new(name.Text!, value.Text!));
        }

        return TwilioFormResult.Success(fields);
    }

    private static (string? Text, string? Error) Decode(ReadOnlySpan<byte> raw, byte[] buffer, int index, string part)
    {
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b == (byte)'+')
            {
                buffer[length++] = (byte)' ';
            }
            else if (b == (byte)'%')
            {
                if (i + 2 >= raw.Length || !TryHex(raw[i + 1], out var high) || !TryHex(raw[i + 2], out var low))
                {
                    return (null, $"field {index}: malformed percent-escape in {part}");
                }

                buffer[length++] = (byte)((high << 4) | low);
                i += 2;
            }
            else
            {
                buffer[length++] = b;
            }
        }

        var decoded = buffer.AsSpan(0, length);
        if (!Utf8.IsValid(decoded))
        {
            return (null, $"field {index}: {part} is not valid UTF-8");
        }

        return (Encoding.UTF8.GetString(decoded), null);
    }

    private static bool TryHex(byte c, out int value)
    {
        value = c switch
        {
            >= (byte)'0' and <= (byte)'9' => c - '0',
            >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
            >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
            _ => -1,
        };
        return value >= 0;
    }
}
