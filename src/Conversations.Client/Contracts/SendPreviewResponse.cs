namespace Conversations.Client.Contracts;

/// <summary>What a send would do now, without sending or reserving.</summary>
public sealed record SendPreviewResponse(bool Allowed, string? Reason, string? Detail, MoneyDto Price, DateTimeOffset? WindowExpiresAt);
