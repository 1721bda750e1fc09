using Conversations.Client;
using Conversations.Client.Contracts;
using Conversations.Domain.Attachments;
using Conversations.Silo.Access;
using Conversations.Silo.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Conversations.Silo.Media;

/// <summary>
/// <c>POST /api/brands/{brandId}/media</c> stores an attachment to send (one multipart file part, checked
/// against the attachment table by its content); <c>GET /api/brands/{brandId}/media/{mediaId}</c> streams
/// an upload or a customer's attachment (<see cref="InboundMediaId"/>) to an operator;
/// <c>GET /media/{brandId}/{mediaId}?expires=…&amp;sig=…</c> serves our media to a provider by a signed,
/// expiring link, without an API key.
/// </summary>
public static class MediaEndpoints
{
    /// <summary>Room for the multipart boundaries and part headers around the largest allowed file.</summary>
    public const long MultipartOverhead = 64 * 1024;

    /// <summary>The largest upload body: the table's largest attachment plus <see cref="MultipartOverhead"/>.</summary>
    public static long MaxUploadBytes { get; } = AttachmentPolicy.Table.Max(r => r.MaxBytes) + MultipartOverhead;

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/brands/{brandId}/media").WithTags("Media");
        group.MapPost("/", UploadAsync).WithName("UploadMedia").RequireRoles(Roles.Admin, Roles.Operator);
        group.MapGet("/{mediaId}", DownloadAsync).WithName("DownloadMedia").RequireRoles(Roles.Admin, Roles.Operator);
        routes.MapGet("/media/{brandId}/{mediaId}", SignedAsync).WithName("SignedMedia").WithTags("Media").ExcludeFromDescription();
        return routes;
    }

    internal static async Task<Results<Created<MediaUploaded>, ProblemHttpResult>> UploadAsync(
        string brandId, HttpContext context, IMediaStore store, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxUploadBytes;
        }

        if (request.ContentLength > MaxUploadBytes)
        {
            return TooLargeBody();
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return ApiProblems.Of(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                "Send the file as multipart/form-data with one file part.", "file");
        }

        try
        {
            var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024, BodyLengthLimit = MaxUploadBytes };
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.IsFileDisposition())
                {
                    continue;
                }

                var fileName = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? string.Empty);
                return await StoreAsync(brandId, fileName, section.ContentType, section.Body, store, cancellationToken);
            }

            return ApiProblems.BadRequest("invalid_format", "The body has no file part (Content-Disposition: form-data; name=\"file\"; filename=\"…\").", "file");
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLargeBody();
        }
        catch (InvalidDataException malformed) when (malformed.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase))
        {
            return TooLargeBody();
        }
        catch (InvalidDataException)
        {
            return ApiProblems.BadRequest("invalid_format", "The multipart body is malformed.", "file");
        }
    }

    internal static async Task<Results<MediaFileResult, ProblemHttpResult>> DownloadAsync(
        string brandId, string mediaId, IMediaStore store, InboundMediaFetcher inbound, CancellationToken cancellationToken)
    {
        if (InboundMediaId.TryParse(mediaId, out var businessNumber, out var customer, out var seq, out var index))
        {
            var (media, problem) = await inbound.GetAsync(brandId, mediaId, businessNumber, customer, seq, index, cancellationToken);
            if (media is null)
            {
                return problem!;
            }

            return new MediaFileResult(store, media);
        }

        if (await store.FindAsync(brandId, mediaId, cancellationToken) is { } stored)
        {
            return new MediaFileResult(store, stored);
        }

        return ApiProblems.NotFound($"Media '{mediaId}'");
    }

    internal static async Task<Results<MediaFileResult, ProblemHttpResult>> SignedAsync(
        string brandId, string mediaId, string? expires, string? sig, MediaUrlSigner signer, IMediaStore store, CancellationToken cancellationToken)
    {
        if (!signer.IsValid(brandId, mediaId, expires, sig))
        {
            return ApiProblems.Of(StatusCodes.Status403Forbidden, "invalid_signature", "This media link is expired or its signature does not match.", "sig");
        }

        if (await store.FindAsync(brandId, mediaId, cancellationToken) is { } stored)
        {
            return new MediaFileResult(store, stored);
        }

        return ApiProblems.NotFound($"Media '{mediaId}'");
    }

    private static async Task<Results<Created<MediaUploaded>, ProblemHttpResult>> StoreAsync(
        string brandId, string fileName, string? declared, Stream body, IMediaStore store, CancellationToken cancellationToken)
    {
        var head = new byte[MediaSniffer.HeadLength];
        var filled = 0;
        int read;
        while (filled < head.Length && (read = await body.ReadAsync(head.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        if (filled == 0)
        {
            return MediaProblems.Rejected(new MediaRejection("size", 0L, "The file is empty."));
        }

        var detected = MediaSniffer.Resolve(MediaSniffer.Detect(head.AsSpan(0, filled), complete: filled < head.Length), fileName);
        var (rule, rejection) = UploadCheck.Check(fileName, declared, detected);
        if (rule is null)
        {
            return MediaProblems.Rejected(rejection!);
        }

        var mediaId = $"med_{Guid.NewGuid():N}";
        var content = new PrefixedStream(head.AsMemory(0, filled), body);
        var saved = await store.SaveAsync(new NewMedia(brandId, mediaId, detected, fileName, MediaOrigins.Outbound), content, rule.MaxBytes, cancellationToken);
        if (saved.TooLarge)
        {
            // Count the rest without keeping it, so the refusal names the file's real size.
            var size = saved.Consumed;
            var sink = new byte[MediaChunks.ChunkSize];
            while ((read = await body.ReadAsync(sink, cancellationToken)) > 0)
            {
                size += read;
            }

            return MediaProblems.Rejected(UploadCheck.TooLarge(rule, size));
        }

        var media = saved.Media!;
        return TypedResults.Created(
            $"/api/brands/{Uri.EscapeDataString(brandId)}/media/{mediaId}",
            new MediaUploaded(media.MediaId, media.ContentType, media.Size, media.Sha256, media.FileName));
    }

    private static ProblemHttpResult TooLargeBody() => ApiProblems.Of(StatusCodes.Status413PayloadTooLarge, "payload_too_large",
        $"An upload body is at most {MaxUploadBytes:N0} bytes: the largest attachment ({AttachmentPolicy.Table.Max(r => r.MaxBytes):N0} bytes) and the multipart framing.", "file");
}
