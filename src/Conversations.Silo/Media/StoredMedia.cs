namespace Conversations.Silo.Media;

/// <summary>
/// A stored media file's row: its brand (every read is by brand and id: tenant isolation), type, file
/// name, size in bytes, lower-case hex SHA-256, origin (<see cref="MediaOrigins"/>) and when it was stored.
/// </summary>
internal sealed record StoredMedia(
    string BrandId, string MediaId, string ContentType, string? FileName, long Size, string Sha256, string Origin, DateTimeOffset CreatedAt);
