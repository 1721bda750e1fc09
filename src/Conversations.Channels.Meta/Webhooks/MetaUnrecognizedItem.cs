namespace Conversations.Channels.Meta.Webhooks;

/// <summary>
/// Part of a webhook the parser could not turn into a message, status or error — kept so that nothing is
/// silently lost. <see cref="Path"/> points into the payload, e.g. <c>entry[0].changes[1].value.messages[2]</c>.
/// </summary>
public sealed record MetaUnrecognizedItem(string Path, string Reason);
