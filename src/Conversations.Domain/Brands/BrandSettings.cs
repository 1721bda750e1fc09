using Conversations.Domain.Common;
using Conversations.Domain.Conversations;

namespace Conversations.Domain.Brands;

/// <summary>
/// A brand's chat settings, integer seconds. Defaults and inclusive ranges (1 month = 30 days):
/// response time 300 (30…86,400); missed-chat auto-close 86,400 (900…2,592,000, i.e. 15 minutes
/// to 1 month); idle auto-close 3,600 (60…86,400, at most 24 hours); bot idle auto-close 600
/// (60…86,400); profanity limit 3 (1…100).
/// </summary>
public sealed record BrandSettings
{
    public static SettingRange ResponseTime { get; } = new("responseTimeSeconds", 30, 86_400, 300);
    public static SettingRange MissedClose { get; } = new("missedCloseSeconds", 900, 2_592_000, 86_400);
    public static SettingRange IdleClose { get; } = new("idleCloseSeconds", 60, 86_400, 3_600);
    public static SettingRange BotIdleClose { get; } = new("botIdleCloseSeconds", 60, 86_400, 600);
    public static SettingRange ProfanityLimitRange { get; } = new("profanityLimit", 1, 100, 3);

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

        return refusals;

        void Add(Refusal? refusal)
        {
            if (refusal is not null)
            {
                refusals.Add(refusal);
            }
        }
    }
}
