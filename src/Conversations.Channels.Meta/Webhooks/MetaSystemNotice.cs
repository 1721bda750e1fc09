namespace Conversations.Channels.Meta.Webhooks;

/// <summary>A system message, e.g. <c>user_changed_number</c> with the customer's new WhatsApp id.</summary>
public sealed record MetaSystemNotice(string? Type, string? Body, string? NewWaId);
