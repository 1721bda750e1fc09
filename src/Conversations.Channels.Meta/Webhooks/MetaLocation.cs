namespace Conversations.Channels.Meta.Webhooks;

/// <summary>A shared location; a chosen place also carries its name, address and URL.</summary>
public sealed record MetaLocation(double Latitude, double Longitude, string? Name, string? Address, string? Url);
