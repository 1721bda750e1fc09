namespace Conversations.Domain.Surveys;

/// <summary>
/// The words that opt a contact out of (or back into) distributions. Only a whole message counts:
/// "Stop", "stop!" and " STOP. " opt out, "please stop sending" does not. Matching ignores case,
/// accents and punctuation or emoji around the word, in any script ("ARRÊTER" matches "arreter").
/// A brand adds its own opt-out words (<c>optOutKeywords</c>, any language); when a word is both,
/// opting out wins, the safe side.
/// </summary>
public static class OptOutKeywords
{
    public static IReadOnlyList<string> OptOut { get; } = ["STOP", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"];

    public static IReadOnlyList<string> OptIn { get; } = ["START"];

    // The built-in words as compared (folded once, not on every message). After the lists: static fields start in text order.
    private static readonly string[] OptOutKeys = [.. OptOut.Select(Key)];
    private static readonly string[] OptInKeys = [.. OptIn.Select(Key)];

    /// <summary>What <paramref name="text"/> asks for, with the brand's <paramref name="extraOptOut"/> words.</summary>
    public static OptOutIntent Classify(string? text, IReadOnlyCollection<string> extraOptOut)
    {
        ArgumentNullException.ThrowIfNull(extraOptOut);
        if (string.IsNullOrWhiteSpace(text))
        {
            return OptOutIntent.None;
        }

        var word = Key(text);
        if (word.Length == 0)
        {
            return OptOutIntent.None;
        }

        if (OptOutKeys.Contains(word, StringComparer.Ordinal) || extraOptOut.Any(k => k is not null && string.Equals(Key(k), word, StringComparison.Ordinal)))
        {
            return OptOutIntent.OptOut;
        }

        return OptInKeys.Contains(word, StringComparer.Ordinal) ? OptOutIntent.OptIn : OptOutIntent.None;
    }

    private static string Key(string text) => TextFolding.Fold(TextFolding.TrimDecoration(text));
}
