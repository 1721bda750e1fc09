namespace Conversations.Client.Contracts;

/// <summary>Why a message failed: a stable reason, the provider's code and message.</summary>
public sealed record FailureView(string Reason, string? ProviderCode, string? Detail);
