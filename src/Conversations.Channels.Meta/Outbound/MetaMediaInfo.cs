namespace Conversations.Channels.Meta.Outbound;

/// <summary>
/// What <c>GET /{version}/{media-id}</c> answers for a customer's media: a short-lived download
/// <see cref="Url"/> (fetched with the same bearer token), its type and size.
/// </summary>
public sealed record MetaMediaInfo(Uri Url, string? MimeType, long? FileSize);
