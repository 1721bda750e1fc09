using System.Globalization;
using Conversations.Domain.Common;
using Conversations.Domain.Conversations;

namespace Conversations.Domain.Brands;

/// <summary>
/// A brand's chat settings, integer seconds. Defaults and inclusive ranges (1 month = 30 days):
/// response time 300 (30…86,400); missed-chat auto-close 86,400 (900…2,592,000, i.e. 15 minutes
/// to 1 month); idle auto-close 3,600 (60…86,400, at most 24 hours); bot idle auto-close 600
/// (60…86,400); profanity limit 3 (1…100); transcript and media retention 365 days (1…3,650).
/// The outgoing webhook URL (exports) is an absolute https URL of at most 2,000 characters; plain
/// http only to a loopback host (a receiver on the same machine, as in tests). Extra opt-out
/// keywords (any language, beside STOP and the like): at most 50, each 1 to 40 characters.
/// </summary>
public sealed record BrandSettings
{
    public static SettingRange ResponseTime { get; } = new("responseTimeSeconds", 30, 86_400, 300);
    public static SettingRange MissedClose { get; } = new("missedCloseSeconds", 900, 2_592_000, 86_400);
    public static SettingRange IdleClose { get; } = new("idleCloseSeconds", 60, 86_400, 3_600);
    public static SettingRange BotIdleClose { get; } = new("botIdleCloseSeconds", 60, 86_400, 600);
    public static SettingRange ProfanityLimitRange { get; } = new("profanityLimit", 1, 100, 3);
    public static SettingRange Retention { get; } = new("retentionDays", 1, 3_650, 365);

    public const int MaxWebhookUrlLength = 2_000;

    public const int MaxOptOutKeywords = 50;

    public const int MaxOptOutKeywordLength = 40;

    public static BrandSettings Default { get; } = new();

    public long ResponseTimeSeconds { get; init; } = ResponseTime.Default;
    public long MissedCloseSeconds { get; init; } = MissedClose.Default;
    public long IdleCloseSeconds { get; init; } = IdleClose.Default;
    public bool BotMode { get; init; }
    public long BotIdleCloseSeconds { get; init; } = BotIdleClose.Default;
    public long ProfanityLimit { get; init; } = ProfanityLimitRange.Default;

    /// <summary>Offensive words or phrases counted in customers' messages (matched case-insensitively, as whole words).</summary>
    public IReadOnlyList<string> ProfanityWords { get; init; } = [];

    /// <summary>Departments a number (and so a chat) can be tied to.</summary>
    public IReadOnlyList<string> Departments { get; init; } = [];

    /// <summary>Days a conversation's transcript and media are kept.</summary>
    public long RetentionDays { get; init; } = Retention.Default;

    /// <summary>Where conversation exports are delivered (POST, signed); none when <see langword="null"/>.</summary>
    public string? OutgoingWebhookUrl { get; init; }

    /// <summary>
    /// The brand's own words that opt a contact out of distributions, besides the standard ones
    /// (<see cref="Surveys.OptOutKeywords.OptOut"/>), matched as a whole message ignoring case and accents.
    /// </summary>
    public IReadOnlyList<string> OptOutKeywords { get; init; } = [];

    /// <summary>The idle limit in force: the bot's when a bot runs the channel.</summary>
    public TimeSpan EffectiveIdleLimit => TimeSpan.FromSeconds(BotMode ? BotIdleCloseSeconds : IdleCloseSeconds);

    /// <summary>Every out-of-range setting, each naming the setting and its range; empty when valid.</summary>
    public IReadOnlyList<Refusal> Validate()
    {
        var refusals = new List<Refusal>();
        Add(ResponseTime.Check(ResponseTimeSeconds));
        Add(MissedClose.Check(MissedCloseSeconds));
        Add(IdleClose.Check(IdleCloseSeconds));
        Add(BotIdleClose.Check(BotIdleCloseSeconds));
        Add(ProfanityLimitRange.Check(ProfanityLimit));
        Add(Retention.Check(RetentionDays));
        Add(CheckWebhookUrl(OutgoingWebhookUrl));
        for (var i = 0; i < ProfanityWords.Count; i++)
        {
            if (ProfanityFilter.Tokenize(ProfanityWords[i]).Count == 0)
            {
                refusals.Add(new Refusal(RefusalCodes.InvalidFormat, $"profanityWords[{i}] must contain at least one letter or digit.", $"profanityWords[{i}]"));
            }
        }

        for (var i = 0; i < Departments.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Departments[i]) || Departments[i].Length > 100)
            {
                refusals.Add(new Refusal(RefusalCodes.InvalidFormat, $"departments[{i}] must be 1 to 100 characters, not blank.", $"departments[{i}]"));
            }
            else if (Departments.Take(i).Contains(Departments[i], StringComparer.Ordinal))
            {
                refusals.Add(new Refusal(RefusalCodes.InvalidFormat, $"departments[{i}] '{Departments[i]}' appears twice.", $"departments[{i}]"));
            }
        }

        if (OptOutKeywords.Count > MaxOptOutKeywords)
        {
            refusals.Add(new Refusal(
                RefusalCodes.InvalidFormat,
                string.Create(CultureInfo.InvariantCulture, $"optOutKeywords holds at most {MaxOptOutKeywords} keywords; got {OptOutKeywords.Count}."),
                "optOutKeywords"));
        }

        for (var i = 0; i < OptOutKeywords.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(OptOutKeywords[i]) || OptOutKeywords[i].Length > MaxOptOutKeywordLength)
            {
                var field = string.Create(CultureInfo.InvariantCulture, $"optOutKeywords[{i}]");
                refusals.Add(new Refusal(RefusalCodes.InvalidFormat, $"{field} must be 1 to {MaxOptOutKeywordLength} characters, not blank.", field));
            }
        }

        return refusals;

        void Add(Refusal? refusal)
        {
            if (refusal is not null)
            {
                refusals.Add(refusal);
            }
        }
    }

    /// <summary>
    /// An https URL, or http to a loopback host only: exports carry personal data, so they never
    /// travel in clear over a network.
    /// </summary>
    private static Refusal? CheckWebhookUrl(string? url)
    {
        const string field = "outgoingWebhookUrl";
        if (url is null)
        {
            return null;
        }

        if (url.Length > MaxWebhookUrlLength)
        {
            return new Refusal(
                RefusalCodes.InvalidFormat,
                string.Create(CultureInfo.InvariantCulture, $"{field} is at most {MaxWebhookUrlLength:N0} characters; got {url.Length:N0}."),
                field);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return new Refusal(RefusalCodes.InvalidFormat, $"{field} must be an absolute https URL such as https://crm.example.com/hooks/chats.", field);
        }

        return uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback
            ? new Refusal(RefusalCodes.InvalidFormat, $"{field} must use https; plain http is accepted only for a loopback host (127.0.0.1, ::1, localhost).", field)
            : null;
    }
}
