using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Silo.Tests.Media;

/// <summary>
/// Loopback stand-ins for the providers' media endpoints, as they document them. Twilio: the Media
/// resource (<c>/2010-04-01/Accounts/{sid}/Messages/{MM}/Media/{ME}</c>, basic auth) answers 307 to its
/// CDN, which serves the bytes without credentials; <c>Messages.json</c> takes sends. Meta: <c>GET
/// /{version}/{media-id}</c> (bearer) answers the media's URL, type, size and hash; the URL serves the
/// bytes with the same bearer; <c>/{phone-number-id}/media</c> takes uploads, <c>/messages</c> sends.
/// </summary>
internal sealed class FakeMediaProviders : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _uploads;

    private FakeMediaProviders(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The base URL as configuration takes it (no trailing slash).</summary>
    public string Base => BaseAddress.ToString().TrimEnd('/');

    /// <summary>Twilio accounts: SID → auth token.</summary>
    public ConcurrentDictionary<string, string> TwilioTokens { get; } = new();

    /// <summary>Media by Twilio media SID or Meta media id: bytes and type.</summary>
    public ConcurrentDictionary<string, (byte[] Bytes, string ContentType)> Files { get; } = new();

    /// <summary>Meta media ids whose download URL points at another host (for the SSRF test).</summary>
    public ConcurrentDictionary<string, string> MetaUrlOverrides { get; } = new();

    /// <summary>Meta access tokens accepted.</summary>
    public ConcurrentBag<string> MetaTokens { get; } = [];

    /// <summary>Every request: method, path and Authorization header.</summary>
    public ConcurrentQueue<(string Method, string Path, string Authorization)> Requests { get; } = new();

    /// <summary>Twilio sends: the form fields.</summary>
    public ConcurrentQueue<IReadOnlyList<KeyValuePair<string, string>>> TwilioSends { get; } = new();

    /// <summary>Meta uploads: phone number id, form fields, and the file's hex SHA-256, name and type.</summary>
    public ConcurrentQueue<(string PhoneNumberId, Dictionary<string, string> Fields, string FileSha256, string? FileName, string? FileType, string MediaId)> MetaUploads { get; } = new();

    /// <summary>Meta sends: the JSON bodies.</summary>
    public ConcurrentQueue<string> MetaSends { get; } = new();

    public int CountOf(string pathPart) => Requests.Count(r => r.Path.Contains(pathPart, StringComparison.Ordinal));

    public static async Task<FakeMediaProviders> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeMediaProviders? fake = null;
        app.Use(async (context, next) =>
        {
            fake!.Requests.Enqueue((context.Request.Method, context.Request.Path.ToString(), context.Request.Headers.Authorization.ToString()));
            await next(context);
        });

        app.MapGet("/2010-04-01/Accounts/{sid}/Messages/{messageSid}/Media/{mediaSid}", (string sid, string mediaSid, HttpContext context) =>
        {
            var expected = fake!.TwilioTokens.TryGetValue(sid, out var token) ? "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sid}:{token}")) : null;
            if (expected is null || context.Request.Headers.Authorization.ToString() != expected)
            {
                return Results.Json(new { code = 20003, message = "Authenticate", more_info = "https://www.twilio.com/docs/errors/20003", status = 401 }, statusCode: 401);
            }

            return Results.Redirect($"{fake.Base}/twilio-cdn/{mediaSid}", permanent: false, preserveMethod: true);
        });
        app.MapGet("/twilio-cdn/{mediaSid}", (string mediaSid) =>
            fake!.Files.TryGetValue(mediaSid, out var file) ? Results.Bytes(file.Bytes, file.ContentType) : Results.NotFound());
        app.MapPost("/2010-04-01/Accounts/{sid}/Messages.json", async (string sid, HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            fake!.TwilioSends.Enqueue([.. form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty)))]);
            return Results.Json(new { sid = "SM" + Guid.NewGuid().ToString("N"), status = "queued", account_sid = sid }, statusCode: 201);
        });

        app.MapGet("/lookaside/{mediaId}", (string mediaId, HttpContext context) =>
            !fake!.Bearer(context) ? Results.Unauthorized()
            : fake.Files.TryGetValue(mediaId, out var file) ? Results.Bytes(file.Bytes, file.ContentType) : Results.NotFound());
        app.MapGet("/{version}/{mediaId}", (string mediaId, HttpContext context) =>
        {
            if (!fake!.Bearer(context))
            {
                return Results.Json(new { error = new { message = "Invalid OAuth access token - Cannot parse access token", type = "OAuthException", code = 190, fbtrace_id = "AbCdEf" } }, statusCode: 401);
            }

            if (!fake.Files.TryGetValue(mediaId, out var file))
            {
                return Results.Json(new { error = new { message = "Unsupported get request.", type = "GraphMethodException", code = 100, error_subcode = 33, fbtrace_id = "AbCdEf" } }, statusCode: 400);
            }

            var url = fake.MetaUrlOverrides.TryGetValue(mediaId, out var other) ? other : $"{fake.Base}/lookaside/{mediaId}";
            return Results.Json(new
            {
                messaging_product = "whatsapp",
                url,
                mime_type = file.ContentType,
                sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Bytes)),
                file_size = file.Bytes.Length,
                id = mediaId,
            });
        });
        app.MapPost("/{version}/{phoneNumberId}/media", async (string phoneNumberId, HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var file = form.Files.GetFile("file");
            using var bytes = new MemoryStream();
            if (file is not null)
            {
                await file.CopyToAsync(bytes);
            }

            var id = $"{Interlocked.Increment(ref fake!._uploads) + 1_000_000_000_000_000L}";
            fake.MetaUploads.Enqueue((phoneNumberId, form.ToDictionary(f => f.Key, f => f.Value.ToString()), Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray())), file?.FileName, file?.ContentType, id));
            return Results.Json(new { id });
        });
        app.MapPost("/{version}/{phoneNumberId}/messages", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            fake!.MetaSends.Enqueue(await reader.ReadToEndAsync());
            return Results.Json(new { messaging_product = "whatsapp", contacts = new[] { new { input = "x", wa_id = "x" } }, messages = new[] { new { id = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3NjQ2Rjk1QzQ3RDk3RjQ1OTAA" } } });
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake = new FakeMediaProviders(app, new Uri(address));
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private bool Bearer(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && MetaTokens.Contains(header["Bearer ".Length..]);
    }
}
