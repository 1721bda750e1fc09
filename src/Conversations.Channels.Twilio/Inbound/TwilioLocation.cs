namespace Conversations.Channels.Twilio.Inbound;

/// <summary>A shared location: <c>Latitude</c>, <c>Longitude</c> and, for a named place, <c>Address</c> and <c>Label</c>.</summary>
public sealed record TwilioLocation(double Latitude, double Longitude, string? Address, string? Label);
