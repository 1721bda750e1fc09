using System.Text.RegularExpressions;
using Conversations.Domain.Common;

namespace Conversations.Domain.Distributions;

/// <summary>
/// The fields a distribution's invitation template parameters may use, filled per recipient:
/// <c>{{contact.firstName}}</c>, <c>{{contact.lastName}}</c>, <c>{{contact.phone}}</c>,
/// <c>{{contact.language}}</c>, <c>{{contact.data.&lt;column&gt;}}</c> (an imported column) and, for a link
/// distribution, <c>{{survey.link}}</c>. <c>{{contact.firstName|there}}</c> adds a fallback for a missing
/// or empty value. Values are inserted as they are: a value that looks like a field is not filled again.
/// </summary>
public static partial class InvitationFields
{
    public const string FirstName = "contact.firstName";
    public const string LastName = "contact.lastName";
    public const string Phone = "contact.phone";
    public const string Language = "contact.language";
    public const string DataPrefix = "contact.data.";
    public const string SurveyLink = "survey.link";

    public static IReadOnlyList<string> Fields { get; } = [FirstName, LastName, Phone, Language, DataPrefix + "<column>", SurveyLink];

    /// <summary>The first parameter naming an unknown field (or <c>survey.link</c> outside a link distribution), as a refusal naming it; null when all are known.</summary>
    public static Refusal? Check(IReadOnlyList<string> parameters, bool linkDistribution)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        for (var i = 0; i < parameters.Count; i++)
        {
            foreach (Match placeholder in Placeholder().Matches(parameters[i] ?? string.Empty))
            {
                var (field, _) = Split(placeholder);
                var known = field is FirstName or LastName or Phone or Language
                    || (field.StartsWith(DataPrefix, StringComparison.Ordinal) && field.Length > DataPrefix.Length)
                    || (field == SurveyLink && linkDistribution);
                if (!known)
                {
                    var fields = string.Join(", ", Fields.Where(f => linkDistribution || f != SurveyLink).Select(f => "{{" + f + "}}"));
                    return new Refusal(
                        RefusalCodes.InvalidFormat,
                        $"template.parameters[{i}] uses {placeholder.Value}, which is not a field here; the fields are {fields}.",
                        $"template.parameters[{i}]");
                }
            }
        }

        return null;
    }

    /// <summary>Each parameter with its fields filled from <paramref name="values"/> (field name → value).</summary>
    public static IReadOnlyList<string> Fill(IReadOnlyList<string> parameters, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(values);
        return [.. parameters.Select(p => Placeholder().Replace(p ?? string.Empty, placeholder =>
        {
            var (field, fallback) = Split(placeholder);
            return values.TryGetValue(field, out var value) && !string.IsNullOrEmpty(value) ? value : fallback ?? string.Empty;
        }))];
    }

    /// <summary>The values of one recipient, for <see cref="Fill"/>.</summary>
    public static Dictionary<string, string?> ValuesOf(
        string phone, string? firstName, string? lastName, string? language, IReadOnlyDictionary<string, string>? data, string? link)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [FirstName] = firstName,
            [LastName] = lastName,
            [Phone] = phone,
            [Language] = language,
            [SurveyLink] = link,
        };
        foreach (var (column, value) in data ?? new Dictionary<string, string>())
        {
            values[DataPrefix + column] = value;
        }

        return values;
    }

    private static (string Field, string? Fallback) Split(Match placeholder)
    {
        var inner = placeholder.Groups[1].Value;
        var bar = inner.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? (inner.Trim(), null) : (inner[..bar].Trim(), inner[(bar + 1)..].Trim());
    }

    [GeneratedRegex(@"\{\{([^{}]*)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
