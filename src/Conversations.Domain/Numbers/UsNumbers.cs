namespace Conversations.Domain.Numbers;

/// <summary>
/// Tells US numbers from the rest of the North American Numbering Plan. Country code 1 covers the
/// US, Canada and much of the Caribbean; since 2025-04-01 Meta does not deliver marketing templates
/// to US numbers (+1 with a US area code). US territories (Puerto Rico, USVI, Guam, Northern
/// Mariana Islands, American Samoa) use US area codes and count as US, the stricter reading.
/// </summary>
public static class UsNumbers
{
    // Area codes of +1 that are not the United States: Canada, then the Caribbean and Bermuda.
    private static readonly HashSet<string> NonUsAreaCodes =
    [
        "204", "226", "236", "249", "250", "257", "263", "273", "289", "306", "343", "354", "365", "367", "368",
        "382", "387", "403", "416", "418", "428", "431", "437", "438", "450", "460", "468", "474", "506", "514",
        "519", "537", "548", "568", "579", "581", "584", "587", "600", "604", "613", "622", "639", "647", "672",
        "683", "705", "709", "742", "753", "778", "780", "782", "807", "819", "825", "851", "867", "873", "879",
        "902", "905", "942",
        "242", "246", "264", "268", "284", "345", "441", "473", "649", "658", "664", "721", "758", "767", "784",
        "809", "829", "849", "868", "869", "876",
    ];

    /// <summary>True when <paramref name="number"/> is +1 with an area code of the United States.</summary>
    public static bool IsUsNumber(WhatsAppNumber number)
    {
        var digits = number.Digits;
        return digits is { Length: 11 } && digits[0] == '1' && !NonUsAreaCodes.Contains(digits.Substring(1, 3));
    }
}
