namespace Conversations.Silo.Tests.Exports;

/// <summary>One delivery as the receiver got it: headers (case-insensitive), the raw body bytes, the query string.</summary>
internal sealed record ReceivedDelivery(IReadOnlyDictionary<string, string> Headers, byte[] Body, string Query);
