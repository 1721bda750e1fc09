namespace Conversations.Client.Contracts;

/// <summary>
/// A token for browsers' <c>EventSource</c>: append <c>?access_token={Token}</c> to the brand's event
/// stream URL. It opens that route only, for that brand, until <see cref="ExpiresAt"/> (five minutes);
/// a stream opened before then stays open. Treat it as a secret: it is a short-lived key.
/// </summary>
public sealed record EventToken(string Token, DateTimeOffset ExpiresAt);
