using System.Text.RegularExpressions;

namespace Conversations.Domain.Contacts;

/// <summary>
/// A contact's language as a BCP 47-like tag: a 2–3 letter language, then optional subtags of 1–8
/// letters or digits joined by <c>-</c> or <c>_</c> (<c>en</c>, <c>en_US</c>, <c>pt-BR</c>,
/// <c>zh-Hant-TW</c>) — the forms WhatsApp template languages and spreadsheets use. Kept as written.
/// </summary>
public static partial class ContactLanguage
{
    public const int MaxLength = 35;

    public static bool IsValid(string? tag) => tag is { Length: > 0 and <= MaxLength } && Tag().IsMatch(tag);

    [GeneratedRegex("^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
