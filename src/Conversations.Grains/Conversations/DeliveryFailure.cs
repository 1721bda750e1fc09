namespace Conversations.Grains.Conversations;

/// <summary>
/// Why a message failed, for the operator: a stable <see cref="Reason"/> (<c>outside_window</c>,
/// <c>opted_out</c>, <c>invalid_number</c>, <c>template_not_approved</c>, ...), the provider's own
/// error code, and its message.
/// </summary>
public sealed record DeliveryFailure(string Reason, string? ProviderCode, string? Detail);
