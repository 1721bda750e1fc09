using Conversations.Domain.Common;

namespace Conversations.Domain.Messaging;

/// <summary>An outbound message's stored status moved forward.</summary>
public sealed record DeliveryStatusChanged(string MessageId, DeliveryStatus From, DeliveryStatus To, DateTimeOffset At) : Effect;
