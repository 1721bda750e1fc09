using System.Globalization;
using System.Text;

namespace Conversations.Domain.Conversations;

/// <summary>
/// Counts a brand's offensive words in a customer's message: case-insensitively, as whole words,
/// Unicode-aware. Text is normalised (NFKC, so full-width or composed look-alikes match their
/// plain forms) and lower-cased; a word is a run of letters, digits and combining marks; list
/// entries may be phrases of several words. Occurrences are counted without overlap, longest
/// phrase first. Scripts written without spaces (Japanese, Chinese, Thai) have no word
/// boundaries to find, so only whole runs match there.
/// </summary>
public sealed class ProfanityFilter
{
    private readonly Dictionary<string, List<string[]>> _phrasesByFirstWord = new(StringComparer.Ordinal);

    public ProfanityFilter(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        foreach (var entry in words)
        {
            var tokens = Tokenize(entry);
            if (tokens.Count == 0)
            {
                continue;
            }

            if (!_phrasesByFirstWord.TryGetValue(tokens[0], out var phrases))
            {
                phrases = [];
                _phrasesByFirstWord[tokens[0]] = phrases;
            }

            if (!phrases.Any(p => p.SequenceEqual(tokens)))
            {
                phrases.Add([.. tokens]);
                phrases.Sort((a, b) => b.Length.CompareTo(a.Length));
            }
        }
    }

    public static ProfanityFilter None { get; } = new([]);

    public bool IsEmpty => _phrasesByFirstWord.Count == 0;

    /// <summary>How many offensive words or phrases <paramref name="text"/> contains.</summary>
    public int Count(string? text)
    {
        if (IsEmpty || string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var tokens = Tokenize(text);
        var count = 0;
        for (var i = 0; i < tokens.Count;)
        {
            var matched = 0;
            if (_phrasesByFirstWord.TryGetValue(tokens[i], out var phrases))
            {
                matched = phrases.FirstOrDefault(p => Matches(tokens, i, p))?.Length ?? 0;
            }

            if (matched > 0)
            {
                count++;
                i += matched;
            }
            else
            {
                i++;
            }
        }

        return count;
    }

    /// <summary>Splits text into normalised, lower-cased words.</summary>
    public static IReadOnlyList<string> Tokenize(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        string normalized;
        try
        {
            normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            // Text with an unpaired surrogate cannot be normalised; match it as it is.
            normalized = text.ToLowerInvariant();
        }

        var word = new StringBuilder();
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                word.Append(rune.ToString());
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        _ => false,
    };

    private static bool Matches(IReadOnlyList<string> tokens, int start, string[] phrase)
    {
        if (start + phrase.Length > tokens.Count)
        {
            return false;
        }

        for (var j = 0; j < phrase.Length; j++)
        {
            if (!string.Equals(tokens[start + j], phrase[j], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
