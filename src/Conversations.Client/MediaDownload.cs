namespace Conversations.Client;

/// <summary>
/// A media file being downloaded: read <see cref="Content"/> as a stream (it is not buffered), then
/// dispose the download to release the connection.
/// </summary>
public sealed class MediaDownload : IAsyncDisposable, IDisposable
{
    private readonly HttpResponseMessage _response;

    internal MediaDownload(HttpResponseMessage response, Stream content)
    {
        _response = response;
        Content = content;
    }

    public Stream Content { get; }

    /// <summary>The media type the silo serves it as.</summary>
    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

    /// <summary>The size in bytes, when the silo sent it.</summary>
    public long? Length => _response.Content.Headers.ContentLength;

    /// <summary>The file name, when the silo knows one.</summary>
    public string? FileName => _response.Content.Headers.ContentDisposition?.FileNameStar ?? _response.Content.Headers.ContentDisposition?.FileName?.Trim('"');

    /// <summary>The lower-case hex SHA-256 of the bytes (the entity tag).</summary>
    public string? Sha256 => _response.Headers.ETag?.Tag.Trim('"');

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
    }

    public void Dispose()
    {
        Content.Dispose();
        _response.Dispose();
    }
}
