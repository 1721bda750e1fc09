namespace Conversations.Grains.Conversations;

/// <summary>A place the customer shared: coordinates and, for a named place, its name and address.</summary>
public sealed record MessageLocation(double Latitude, double Longitude, string? Name, string? Address);
