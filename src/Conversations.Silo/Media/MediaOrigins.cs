namespace Conversations.Silo.Media;

/// <summary>Where a stored media file came from.</summary>
internal static class MediaOrigins
{
    /// <summary>Uploaded by the brand (<c>POST /api/brands/{brandId}/media</c>) to send.</summary>
    public const string Outbound = "outbound";

    /// <summary>A customer's media, fetched from the provider on first access and kept as a cache.</summary>
    public const string Inbound = "inbound";
}
