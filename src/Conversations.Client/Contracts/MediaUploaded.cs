namespace Conversations.Client.Contracts;

/// <summary>
/// An attachment stored by <c>POST /api/brands/{brandId}/media</c>: its id (to send it), the type detected
/// from its content, its size in bytes and the lower-case hex SHA-256 of its bytes.
/// </summary>
public sealed record MediaUploaded(string MediaId, string ContentType, long Size, string Sha256, string? FileName);
