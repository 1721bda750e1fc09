namespace Conversations.Channels.Meta.Webhooks;

/// <summary>A tap on a template's quick-reply button: the payload we set and the button's text.</summary>
public sealed record MetaButtonReply(string? Payload, string? Text);
