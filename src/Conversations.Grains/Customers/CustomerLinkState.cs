namespace Conversations.Grains.Customers;

/// <summary>The customer key a user id was first linked to; null until then.</summary>
internal sealed record CustomerLinkState(string? Customer)
{
    public static CustomerLinkState Unlinked { get; } = new((string?)null);
}
