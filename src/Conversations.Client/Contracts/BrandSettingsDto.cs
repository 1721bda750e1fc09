namespace Conversations.Client.Contracts;

/// <summary>A brand's settings. Durations are integer seconds; omitted values take their defaults.</summary>
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
    string? OutgoingWebhookUrl = null);
