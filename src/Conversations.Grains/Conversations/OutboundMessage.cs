using Conversations.Domain.Messaging;
using Conversations.Domain.Numbers;

namespace Conversations.Grains.Conversations;

/// <summary>
/// A business message to send: free-form (<see cref="FreeFormContent"/>) or an approved template
/// with its parameters (<see cref="TemplateContent"/>). <see cref="MessageId"/> is chosen by the
/// caller and makes the send idempotent; <see cref="Provider"/> is the channel that carries the
/// business number (it decides the price: a brand's own Twilio account is billed by Twilio).
/// </summary>
public sealed record OutboundMessage(string MessageId, ChannelProvider Provider, OutboundContent Content)
{
    /// <summary>
    /// The attachment of a free-form media message (its content says <c>HasMedia</c>): a media id of
    /// ours (<see cref="MessageAttachment.MediaId"/>) or a public URL, with its MIME type.
    /// </summary>
    public MessageAttachment? Media { get; init; }

    /// <summary>Set when this is a distribution's invitation: its deliveries are reported to the distribution, and a two-way survey starts on the reply.</summary>
    public Distributions.DistributionInvitation? Invitation { get; init; }
}
