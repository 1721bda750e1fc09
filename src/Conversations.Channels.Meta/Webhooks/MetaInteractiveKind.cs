namespace Conversations.Channels.Meta.Webhooks;

/// <summary>The <c>interactive.type</c> of a reply to an interactive message.</summary>
public enum MetaInteractiveKind
{
    /// <summary>A kind this adapter does not know; see <see cref="MetaInteractiveReply.RawKind"/>.</summary>
    Unknown = 0,
    ButtonReply,
    ListReply,
    /// <summary>A WhatsApp Flow submission (<c>nfm_reply</c>).</summary>
    FlowReply,
}
