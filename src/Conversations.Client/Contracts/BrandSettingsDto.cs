using System.Text;

namespace Conversations.Client.Contracts;

/// <summary>
/// A brand's settings. Durations are integer seconds; omitted values take their defaults.
/// <see cref="OutgoingWebhookSecret"/> is write-only: it signs the exports sent to
/// <see cref="OutgoingWebhookUrl"/> (HMAC-SHA256), is never returned (always <see langword="null"/> in
/// responses; <see cref="BrandResponse.OutgoingWebhookSecretSet"/> says whether one is set), and is
/// left out of <see cref="ToString"/>. Omitted, it keeps the current secret; an empty string removes it.
/// <see cref="OptOutKeywords"/> are the brand's own words (any language) that opt a contact out of
/// distributions, besides STOP, UNSUBSCRIBE, CANCEL, END and QUIT: at most 50, each 1 to 40 characters.
/// </summary>
public sealed record BrandSettingsDto(
    long? ResponseTimeSeconds = null,
    long? MissedCloseSeconds = null,
    long? IdleCloseSeconds = null,
    bool? BotMode = null,
    long? BotIdleCloseSeconds = null,
    long? ProfanityLimit = null,
    IReadOnlyList<string>? ProfanityWords = null,
    IReadOnlyList<string>? Departments = null,
    int? RetentionDays = null,
    string? OutgoingWebhookUrl = null,
    string? OutgoingWebhookSecret = null,
    IReadOnlyList<string>? OptOutKeywords = null)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ResponseTimeSeconds = ").Append(ResponseTimeSeconds)
            .Append(", MissedCloseSeconds = ").Append(MissedCloseSeconds)
            .Append(", IdleCloseSeconds = ").Append(IdleCloseSeconds)
            .Append(", BotMode = ").Append(BotMode)
            .Append(", BotIdleCloseSeconds = ").Append(BotIdleCloseSeconds)
            .Append(", ProfanityLimit = ").Append(ProfanityLimit)
            .Append(", ProfanityWords = ").Append(ProfanityWords?.Count)
            .Append(", Departments = ").Append(Departments is null ? null : string.Join('|', Departments))
            .Append(", RetentionDays = ").Append(RetentionDays)
            .Append(", OutgoingWebhookUrl = ").Append(OutgoingWebhookUrl)
            .Append(", OutgoingWebhookSecret = ").Append(OutgoingWebhookSecret is null ? "null" : "***")
            .Append(", OptOutKeywords = ").Append(OptOutKeywords is null ? null : string.Join('|', OptOutKeywords));
        return true;
    }
}
