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

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }

    private static ProblemHttpResult TooLarge() =>
        ApiProblems.Of(StatusCodes.Status413PayloadTooLarge, "payload_too_large", $"Webhook bodies are at most {MaxBytes:N0} bytes.");
}
