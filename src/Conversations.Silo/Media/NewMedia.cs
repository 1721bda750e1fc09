namespace Conversations.Silo.Media;

/// <summary>What is known of a media file before its bytes are stored.</summary>
internal sealed record NewMedia(string BrandId, string MediaId, string ContentType, string? FileName, string Origin);
