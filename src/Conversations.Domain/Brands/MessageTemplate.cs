using Conversations.Domain.Billing;

namespace Conversations.Domain.Brands;

/// <summary>
/// An approved-or-not message template. Only an <see cref="TemplateStatus.Approved"/> template may be
/// sent; <see cref="ProviderRef"/> is Twilio's ContentSid or Meta's template name.
/// </summary>
public sealed record MessageTemplate(string Name, string Language, TemplateCategory Category, TemplateStatus Status, string Body, string? ProviderRef);
