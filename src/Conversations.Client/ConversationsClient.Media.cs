using System.Net.Http.Headers;
using System.Net.Http.Json;
using Conversations.Client.Contracts;

namespace Conversations.Client;

public sealed partial class ConversationsClient
{
    /// <summary>
    /// <c>POST /api/brands/{brandId}/media</c> (admin, operator): uploads an attachment to send, as one
    /// multipart file part streamed from <paramref name="content"/>. Refused with 422 <c>attachment_rejected</c>
    /// (the problem names the <c>limit</c>, type or size, and the <c>value</c>) when outside the attachment table.
    /// </summary>
    public async Task<MediaUploaded> UploadMediaAsync(string brandId, Stream content, string fileName, string? contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        using var request = NewRequest(HttpMethod.Post, $"{Brand(brandId)}/media", null);
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(content);
        if (!string.IsNullOrEmpty(contentType))
        {
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        form.Add(file, "file", fileName);
        request.Content = form;
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<MediaUploaded>(JsonOptions, cancellationToken).ConfigureAwait(false)
            ?? throw new ConversationsApiException(response.StatusCode, null, "The upload's response had no body.");
    }

    /// <summary>
    /// <c>GET /api/brands/{brandId}/media/{mediaId}</c> (admin, operator): streams an uploaded attachment or a
    /// customer's (by its <see cref="InboundMediaId"/>, fetched from the provider on first access). Dispose the result.
    /// </summary>
    public async Task<MediaDownload> DownloadMediaAsync(string brandId, string mediaId, CancellationToken cancellationToken = default)
    {
        using var request = NewRequest(HttpMethod.Get, $"{Brand(brandId)}/media/{Segment(mediaId)}", null);
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            return new MediaDownload(response, await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
