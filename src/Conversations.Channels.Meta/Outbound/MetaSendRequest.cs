namespace Conversations.Channels.Meta.Outbound;

/// <summary>One outbound message to one customer.</summary>
/// <param name="To">
/// The customer: phone digits (E.164 without <c>+</c>), sent as <c>to</c>; or, for a customer known only by a
/// business-scoped user id (e.g. <c>US.13491208655302741918</c>), that id, sent as <c>recipient</c>.
/// </param>
/// <param name="Content">Text, template or media.</param>
/// <param name="BizOpaqueCallbackData">Our own message id: Meta echoes it in every status webhook.</param>
/// <param name="ReplyToMessageId">A wamid to quote (<c>context.message_id</c>), or null.</param>
public sealed record MetaSendRequest(
    string To,
    MetaOutboundContent Content,
    string? BizOpaqueCallbackData = null,
    string? ReplyToMessageId = null);
