using Conversations.Client.Contracts;
using Conversations.Domain.Brands;
using Conversations.Grains.Brands;

namespace Conversations.Silo.Brands;

/// <summary>Brand contracts to and from the domain's settings.</summary>
internal static class BrandMapping
{
    public static BrandSettings ToSettings(BrandSettingsDto? dto)
    {
        var defaults = BrandSettings.Default;
        return dto is null ? defaults : new BrandSettings
        {
            ResponseTimeSeconds = dto.ResponseTimeSeconds ?? defaults.ResponseTimeSeconds,
            MissedCloseSeconds = dto.MissedCloseSeconds ?? defaults.MissedCloseSeconds,
            IdleCloseSeconds = dto.IdleCloseSeconds ?? defaults.IdleCloseSeconds,
            BotMode = dto.BotMode ?? defaults.BotMode,
            BotIdleCloseSeconds = dto.BotIdleCloseSeconds ?? defaults.BotIdleCloseSeconds,
            ProfanityLimit = dto.ProfanityLimit ?? defaults.ProfanityLimit,
            ProfanityWords = dto.ProfanityWords ?? [],
            Departments = dto.Departments ?? [],
            RetentionDays = dto.RetentionDays ?? defaults.RetentionDays,
            OutgoingWebhookUrl = dto.OutgoingWebhookUrl,
            OptOutKeywords = dto.OptOutKeywords ?? [],
        };
    }

    /// <summary>The brand as the API shows it: of the webhook's signing secret, only <paramref name="webhookSecretSet"/>.</summary>
    public static BrandResponse ToResponse(BrandSnapshot brand, bool webhookSecretSet) => new(
        brand.BrandId,
        brand.Name,
        new BrandSettingsDto(
            brand.Settings.ResponseTimeSeconds, brand.Settings.MissedCloseSeconds, brand.Settings.IdleCloseSeconds, brand.Settings.BotMode,
            brand.Settings.BotIdleCloseSeconds, brand.Settings.ProfanityLimit, brand.Settings.ProfanityWords, brand.Settings.Departments,
            checked((int)brand.Settings.RetentionDays), brand.Settings.OutgoingWebhookUrl, OptOutKeywords: brand.Settings.OptOutKeywords),
        brand.TwilioConnected ? new TwilioAccountView(brand.TwilioPhoneNumber!, brand.TwilioAccountSid!) : null,
        brand.CreatedAt,
        webhookSecretSet);
}
