using System.Buffers;
using Conversations.Silo.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Webhooks;

/// <summary>
/// Reads a webhook's body as raw bytes, before any binding: signatures are computed over exactly
/// what the provider sent. Bodies over 1 MiB are refused with 413.
/// </summary>
internal static class RawBody
{
    public const int MaxBytes = 1024 * 1024;

    public static async Task<(byte[]? Body, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        if (request.ContentLength is { } length)
        {
            // The usual case: the length is declared (and the server delivers no more than that), so the body is read
            // straight into an array of its size, with no buffer to grow or copy.
            var body = new byte[length];
            var filled = 0;
            int got;
            while (filled < body.Length && (got = await request.Body.ReadAsync(body.AsMemory(filled), cancellationToken)) > 0)
            {
                filled += got;
            }

            return (filled == body.Length ? body : body[..filled], null);
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    return (null, TooLarge());
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return (buffer.ToArray(), null);
    }

    private static ProblemHttpResult TooLarge() =>
        ApiProblems.Of(StatusCodes.Status413PayloadTooLarge, "payload_too_large", $"Webhook bodies are at most {MaxBytes:N0} bytes.");
}
