using System.Buffers;
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
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan();
        var start = 0;
        while (start < span.Length)
        {
            // An unpaired surrogate decodes as U+FFFD, a symbol: decoration, as when enumerating runes.
            Rune.DecodeFromUtf16(span[start..], out var rune, out var used);
            if (!IsDecoration(rune))
            {
                break;
            }

            start += used;
        }

        var end = span.Length;
        while (end > start)
        {
            Rune.DecodeLastFromUtf16(span[start..end], out var rune, out var used);
            if (!IsDecoration(rune))
            {
                break;
            }

            end -= used;
        }

        // What is kept is the text's own characters, except that an unpaired surrogate inside becomes U+FFFD (rare: rebuilt rune by rune).
        var kept = span[start..end];
        if (kept.ContainsAnyInRange('\uD800', '\uDFFF') && !IsWellFormed(kept))
        {
            var builder = new StringBuilder(kept.Length);
            foreach (var rune in kept.EnumerateRunes())
            {
                builder.Append(rune.ToString());
            }

            return builder.ToString();
        }

        return start == 0 && end == text.Length ? text : kept.ToString();
    }

    private static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(text, out _, out var used) != OperationStatus.Done)
            {
                return false;
            }

            text = text[used..];
        }

        return true;
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
