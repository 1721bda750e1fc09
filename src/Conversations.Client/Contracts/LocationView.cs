namespace Conversations.Client.Contracts;

/// <summary>A shared place.</summary>
public sealed record LocationView(double Latitude, double Longitude, string? Name, string? Address);
