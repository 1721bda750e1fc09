namespace Conversations.Domain.Distributions;

/// <summary>How a distribution asks its survey: a personal link, or question by question inside WhatsApp.</summary>
public static class DistributionKinds
{
    public const string Link = "link";
    public const string TwoWay = "two_way";

    public static bool IsKnown(string? kind) => kind is Link or TwoWay;
}
