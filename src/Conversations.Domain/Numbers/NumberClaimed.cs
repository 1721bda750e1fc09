using Conversations.Domain.Common;

namespace Conversations.Domain.Numbers;

/// <summary>A business number was connected to a brand.</summary>
public sealed record NumberClaimed(string BrandId, ChannelProvider Provider) : Effect;
