namespace Conversations.Channels.Meta.Outbound;

/// <summary>What an outbound message carries: <see cref="MetaTextContent"/>, <see cref="MetaTemplateContent"/> or <see cref="MetaMediaContent"/>.</summary>
public abstract record MetaOutboundContent
{
    private protected MetaOutboundContent()
    {
    }
}
