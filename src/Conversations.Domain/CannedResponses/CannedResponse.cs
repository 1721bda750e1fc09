using System.Globalization;
using System.Text.RegularExpressions;
using Conversations.Domain.Common;

namespace Conversations.Domain.CannedResponses;

/// <summary>
/// Canned responses: named texts an operator sends in one click, with fields filled at send time.
/// A field is written <c>{{customer.name}}</c>; <c>{{customer.name|there}}</c> adds a fallback, used
/// when the value is missing or empty. Without a fallback a missing value fills as the empty text.
/// The fields are <see cref="Fields"/>; a text naming any other is refused when it is saved
/// (<see cref="UnknownField"/>). Anything between <c>{{</c> and <c>}}</c> without braces in it is a
/// placeholder; values are inserted as they are — a value that looks like a placeholder is not
/// filled again, so a customer's profile name can never pull in another field.
/// </summary>
public static partial class CannedResponse
{
    public const int MaxNameLength = 100;
    public const int MaxTextLength = 4_096;

    /// <summary>How many canned responses one brand may keep.</summary>
    public const int MaxPerBrand = 1_000;

    /// <summary>The refusal code of a text that names a field that does not exist.</summary>
    public const string UnknownField = "unknown_field";

    /// <summary>The customer's WhatsApp profile name.</summary>
    public const string CustomerName = "customer.name";

    /// <summary>The customer's number (digits).</summary>
    public const string CustomerNumber = "customer.number";

    /// <summary>The name of the operator sending the response.</summary>
    public const string OperatorName = "operator.name";

    /// <summary>The brand's name.</summary>
    public const string BrandName = "brand.name";

    public static IReadOnlyList<string> Fields { get; } = [CustomerName, CustomerNumber, OperatorName, BrandName];

    /// <summary>Every rule <paramref name="name"/> and <paramref name="text"/> break, each naming its field; empty when valid.</summary>
    public static IReadOnlyList<Refusal> Validate(string? name, string? text)
    {
        var refusals = new List<Refusal>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            refusals.Add(new Refusal(RefusalCodes.InvalidFormat, Invariant($"name is required: 1 to {MaxNameLength:N0} characters, not blank."), "name"));
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength)
        {
            refusals.Add(new Refusal(RefusalCodes.InvalidFormat, Invariant($"text is required: 1 to {MaxTextLength:N0} characters, not blank."), "text"));
            return refusals;
        }

        foreach (Match placeholder in Placeholder().Matches(text))
        {
            var (field, _) = Split(placeholder);
            if (!Fields.Contains(field, StringComparer.Ordinal))
            {
                refusals.Add(new Refusal(
                    UnknownField,
                    $"text uses the placeholder {placeholder.Value}, but '{field}' is not a field; the fields are {string.Join(", ", Fields.Select(f => "{{" + f + "}}"))}.",
                    "text"));
            }
        }

        return refusals;
    }

    /// <summary>The fields <paramref name="text"/> uses, each once, in order of first use.</summary>
    public static IReadOnlyList<string> FieldsIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Placeholder().Matches(text).Select(m => Split(m).Field).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Fills every placeholder of <paramref name="text"/>: with its value from <paramref name="values"/>
    /// (by field name) when that is neither missing nor empty, else with its fallback, else with nothing.
    /// </summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(text, placeholder =>
        {
            var (field, fallback) = Split(placeholder);
            return values.TryGetValue(field, out var value) && !string.IsNullOrEmpty(value) ? value : fallback ?? string.Empty;
        });
    }

    /// <summary>The field name and the fallback (after the first <c>|</c>), both trimmed.</summary>
    private static (string Field, string? Fallback) Split(Match placeholder)
    {
        var inner = placeholder.Groups[1].Value;
        var bar = inner.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? (inner.Trim(), null) : (inner[..bar].Trim(), inner[(bar + 1)..].Trim());
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\{\{([^{}]*)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
