using System.Globalization;
using System.Text;

namespace Conversations.Domain.Surveys;

/// <summary>
/// Compares what customers type with what a brand defined, the way people expect on a phone
/// keyboard: case, accents and runs of spaces do not matter ("cafe" is "Café", "ARRETER" is
/// "arrêter"), and punctuation or emoji around a one-word reply ("Stop!", "🛑 STOP") is ignored
/// where the caller asks for it.
/// </summary>
internal static class TextFolding
{
    /// <summary>
    /// <paramref name="text"/> decomposed (NFD) without its combining marks, lower-cased (invariant)
    /// and with every run of white space made one space, trimmed.
    /// </summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString().ToLowerInvariant().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// <paramref name="text"/> without the white space, punctuation, symbols (emoji) and invisible
    /// format characters at either end; what is inside is kept.
    /// </summary>
    public static string TrimDecoration(string text)
    {
        var runes = text.EnumerateRunes().ToList();
        var start = 0;
        var end = runes.Count;
        while (start < end && IsDecoration(runes[start]))
        {
            start++;
        }

        while (end > start && IsDecoration(runes[end - 1]))
        {
            end--;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = start; i < end; i++)
        {
            builder.Append(runes[i].ToString());
        }

        return builder.ToString();
    }

    /// <summary>Whether two texts are equal once folded.</summary>
    public static bool SameText(string left, string right) => string.Equals(Fold(left), Fold(right), StringComparison.Ordinal);

    private static bool IsDecoration(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation => true,
        UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol => true,
        UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark => true,
        _ => false,
    };
}
