using System.Globalization;
using Conversations.Domain.Numbers;

namespace Conversations.Domain.Contacts;

/// <summary>
/// A contact's phone as people type it — <c>+1 (512) 555-0100</c>, <c>44.7700.900123</c> — brought to
/// the form the runtime keys on: digits with the country code (<see cref="WhatsAppNumber"/>: 8 to 15
/// digits, no leading 0). Only <c>+</c>, spaces, dashes, dots and brackets are dropped; anything else
/// (a letter, a slash, an extension) is refused rather than guessed at.
/// </summary>
public static class ContactPhone
{
    /// <summary>
    /// Normalises <paramref name="input"/>; on failure <paramref name="reason"/> says why in a sentence
    /// (missing, the character that is not allowed, too few or too many digits, a leading 0).
    /// </summary>
    public static bool TryNormalise(string? input, out WhatsAppNumber number, out string? reason)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            reason = "phone is required.";
            return false;
        }

        Span<char> digits = stackalloc char[WhatsAppNumber.MaxDigits + 1];
        var count = 0;
        foreach (var c in input)
        {
            if (c is '+' or '-' or '.' or '(' or ')' || char.IsWhiteSpace(c))
            {
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                reason = char.IsLetter(c)
                    ? $"phone must be digits with the country code; it contains the letter '{c}'."
                    : $"phone must be digits with the country code; it contains {Shown(c)} (only +, spaces, dashes, dots and brackets are dropped).";
                return false;
            }

            if (count <= WhatsAppNumber.MaxDigits)
            {
                digits[count] = c;
            }

            count++;
        }

        if (count is < WhatsAppNumber.MinDigits or > WhatsAppNumber.MaxDigits)
        {
            reason = count < WhatsAppNumber.MinDigits
                ? $"phone is too short: {count} digits; it needs {WhatsAppNumber.MinDigits} to {WhatsAppNumber.MaxDigits} including the country code."
                : $"phone is too long: {count} digits; it needs {WhatsAppNumber.MinDigits} to {WhatsAppNumber.MaxDigits} including the country code.";
            return false;
        }

        if (digits[0] == '0')
        {
            reason = "phone must start with the country code, which never starts with 0 (write 44…, not 0044… or 07…).";
            return false;
        }

        number = WhatsAppNumber.Parse(new string(digits[..count]), "phone");
        reason = null;
        return true;
    }

    /// <summary>A character as a reason shows it: a control character (a NUL, a tab) by its code point, which a reader can see.</summary>
    private static string Shown(char c) =>
        char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}") : $"'{c}'";
}
