using Conversations.Domain.Messaging;
using Conversations.Domain.Numbers;

namespace Conversations.Grains.Conversations;

/// <summary>
/// A business message to send: free-form (<see cref="FreeFormContent"/>) or an approved template
/// with its parameters (<see cref="TemplateContent"/>). <see cref="MessageId"/> is chosen by the
/// caller and makes the send idempotent; <see cref="Provider"/> is the channel that carries the
/// business number (it decides the price: a brand's own Twilio account is billed by Twilio).
/// </summary>
public sealed record OutboundMessage(string MessageId, ChannelProvider Provider, OutboundContent Content);
