using System.Net.Mime;

namespace Conversations.Silo.Media;

/// <summary>
/// Streams a stored media file to the response: its type, length, SHA-256 as the entity tag, and a
/// download disposition; <c>nosniff</c>, so a browser never runs an upload as something else.
/// </summary>
internal sealed class MediaFileResult(IMediaStore store, StoredMedia media) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = media.ContentType;
        response.ContentLength = media.Size;
        response.Headers.ETag = $"\"{media.Sha256}\"";
        response.Headers.CacheControl = "private, max-age=300";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentDisposition = new ContentDisposition { DispositionType = DispositionTypeNames.Attachment, FileName = media.FileName ?? media.MediaId }.ToString();
        await store.CopyToAsync(media, response.Body, httpContext.RequestAborted);
    }
}
