using Conversations.Domain.Common;

namespace Conversations.Domain.Numbers;

/// <summary>
/// A WhatsApp phone number as the brief wants it entered: digits only, country code included,
/// no <c>+</c>, <c>-</c> or spaces (e.g. <c>12341234123</c> in the US, <c>48123123</c> in Poland).
/// E.164 allows at most 15 digits; 8 is the shortest the brief's own examples use.
/// </summary>
public readonly record struct WhatsAppNumber
{
    public const int MinDigits = 8;
    public const int MaxDigits = 15;

    private WhatsAppNumber(string digits) => Digits = digits;

    public string Digits { get; }

    /// <summary>Validates <paramref name="input"/>; on failure <paramref name="refusal"/> names <paramref name="field"/> and the rule.</summary>
    public static bool TryParse(string? input, string field, out WhatsAppNumber number, out Refusal? refusal)
    {
        number = default;
        refusal = Validate(input, field);
        if (refusal is not null)
        {
            return false;
        }

        number = new WhatsAppNumber(input!);
        return true;
    }

    /// <summary>Parses a number already known to be valid (a stored key); throws <see cref="FormatException"/> otherwise.</summary>
    public static WhatsAppNumber Parse(string input, string field = "phoneNumber") =>
        TryParse(input, field, out var number, out var refusal) ? number : throw new FormatException(refusal!.Message);

    private static Refusal? Validate(string? input, string field)
    {
        const string rule = "digits only with the country code, no '+', '-' or spaces (e.g. 12341234123)";
        if (string.IsNullOrEmpty(input))
        {
            return new Refusal(RefusalCodes.InvalidFormat, $"{field} is required: {rule}.", field);
        }

        foreach (var c in input)
        {
            if (c is < '0' or > '9')
            {
                return new Refusal(RefusalCodes.InvalidFormat, $"{field} must be {rule}; it contains '{Describe(c)}'.", field);
            }
        }

        if (input.Length is < MinDigits or > MaxDigits)
        {
            return new Refusal(
                RefusalCodes.InvalidFormat,
                $"{field} must have {MinDigits} to {MaxDigits} digits including the country code; it has {input.Length}.",
                field);
        }

        if (input[0] == '0')
        {
            return new Refusal(RefusalCodes.InvalidFormat, $"{field} must start with the country code, which never starts with 0.", field);
        }

        return null;
    }

    private static string Describe(char c) => char.IsWhiteSpace(c) ? "a space" : c.ToString();

    public override string ToString() => Digits ?? string.Empty;
}
