using Conversations.Domain.Brands;

namespace Conversations.Grains.Brands;

/// <summary>
/// A brand as callers may see it. The Twilio auth token is a secret and is never part of it: only
/// whether an account is connected, its sender number and its Account SID.
/// </summary>
public sealed record BrandSnapshot(
    string BrandId,
    string Name,
    BrandSettings Settings,
    bool TwilioConnected,
    string? TwilioPhoneNumber,
    string? TwilioAccountSid,
    CreditBalance Credits)
{
    /// <summary>False until the brand was given a name.</summary>
    public bool IsConfigured => Name.Length > 0;

    /// <summary>When the brand was first configured; <see langword="null"/> for a brand that does not exist.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    public int? RetentionDays { get; init; }

    public string? OutgoingWebhookUrl { get; init; }

    public IReadOnlyList<string> SandboxNumbers { get; init; } = [];
}
