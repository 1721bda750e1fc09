namespace Conversations.Channels.Meta.Webhooks;

/// <summary>
/// A reaction to one of our messages. Meta signals a removed reaction by omitting the emoji (some payloads
/// send it empty): both read as <see cref="IsRemoval"/>.
/// </summary>
/// <param name="MessageId">The wamid of the message reacted to.</param>
/// <param name="Emoji">The emoji; null or empty when the reaction was removed.</param>
public sealed record MetaReaction(string? MessageId, string? Emoji)
{
    public bool IsRemoval => string.IsNullOrEmpty(Emoji);
}
