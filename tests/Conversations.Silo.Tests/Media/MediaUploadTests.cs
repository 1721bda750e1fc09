using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Conversations.Client;
using Conversations.Silo.Access;
using Conversations.Silo.Media;
using Conversations.Silo.Tests.Admin;

namespace Conversations.Silo.Tests.Media;

/// <summary>Uploads checked against the attachment table by content, and downloads by brand.</summary>
public abstract class MediaUploadTests(MediaSilo silo)
{
    public static TheoryData<string, string, string> Accepted() => new()
    {
        { "jpeg", "photo.jpg", "image/jpeg" },
        { "png", "screenshot.png", "image/png" },
        { "pdf", "invoice.pdf", "application/pdf" },
        { "txt", "notes.txt", "text/plain" },
        { "xlsx", "orders.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "pptx", "deck.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "xls", "orders.xls", "application/vnd.ms-excel" },
        { "ppt", "deck.ppt", "application/vnd.ms-powerpoint" },
        { "mp4", "clip.mp4", "video/mp4" },
        { "3gp", "clip.3gp", "video/3gpp" },
        { "mp3", "song.mp3", "audio/mpeg" },
        { "aac", "voice.aac", "audio/aac" },
        { "ogg", "voice.ogg", "audio/ogg" },
        { "amr", "voice.amr", "audio/amr" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task EachAcceptedTypeIsStoredAsTheTypeItsContentShows(string sample, string fileName, string expectedType)
    {
        var brandId = await silo.NewBrandAsync();
        var operatorKey = await silo.NewKeyAsync(brandId, Roles.Operator);
        var bytes = Sample(sample);

        var uploaded = await operatorKey.UploadMediaAsync(brandId, new MemoryStream(bytes), fileName, expectedType);

        Assert.Equal((expectedType, bytes.LongLength, Sha256(bytes), fileName), (uploaded.ContentType, uploaded.Size, uploaded.Sha256, uploaded.FileName));
        Assert.StartsWith("med_", uploaded.MediaId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadStreamsTheSameBytesAcrossManyChunks()
    {
        var brandId = await silo.NewBrandAsync();
        var admin = await silo.NewKeyAsync(brandId, Roles.Admin);
        var bytes = MediaSamples.Jpeg(4_999_999);
        var uploaded = await admin.UploadMediaAsync(brandId, new MemoryStream(bytes), "large.jpeg", "image/jpeg");

        await using var download = await (await silo.NewKeyAsync(brandId, Roles.Operator)).DownloadMediaAsync(brandId, uploaded.MediaId);

        Assert.Equal(Sha256(bytes), Convert.ToHexStringLower(await SHA256.HashDataAsync(download.Content)));
        Assert.Equal(("image/jpeg", 4_999_999L, uploaded.Sha256, "large.jpeg"), (download.ContentType, download.Length, download.Sha256, download.FileName));
    }

    [Fact]
    public async Task RenamedExecutableDeclaredAsJpegIsRefusedNamingTheTypeItIs()
    {
        var brandId = await silo.NewBrandAsync();

        var refused = await Assert.ThrowsAsync<ConversationsApiException>(() =>
            silo.Root.UploadMediaAsync(brandId, new MemoryStream(MediaSamples.Exe()), "holiday.jpg", "image/jpeg"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(("attachment_rejected", "type", "type", "application/x-msdownload"), (refused.Code, refused.Field, refused.Problem!.Limit, refused.Problem.Value));
    }

    [Theory]
    [InlineData("image/jpeg", "screenshot.png", "image/jpeg")]
    [InlineData("application/pdf", "orders.xlsx", "application/pdf")]
    public async Task DeclaredTypeThatContradictsTheContentIsRefused(string declared, string fileName, string value)
    {
        var brandId = await silo.NewBrandAsync();
        var bytes = fileName.EndsWith(".png", StringComparison.Ordinal) ? MediaSamples.Png() : MediaSamples.Xlsx();

        var refused = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.UploadMediaAsync(brandId, new MemoryStream(bytes), fileName, declared));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "attachment_rejected", "type", value), (refused.StatusCode, refused.Code, refused.Problem!.Limit, refused.Problem.Value));
    }

    [Theory]
    [InlineData("docx", "letter.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("pdf", "invoice.exe", ".exe")]
    public async Task ContentOrExtensionOutsideTheTableIsRefusedNamingIt(string sample, string fileName, string value)
    {
        var brandId = await silo.NewBrandAsync();

        var refused = await Assert.ThrowsAsync<ConversationsApiException>(() => silo.Root.UploadMediaAsync(brandId, new MemoryStream(Sample(sample)), fileName, null));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "type", value), (refused.StatusCode, refused.Problem!.Limit, refused.Problem.Value));
    }

    [Fact]
    public async Task ImageAtFiveMegabytesIsAcceptedAndOneByteMoreIsRefusedNamingItsSize()
    {
        var brandId = await silo.NewBrandAsync();

        var atLimit = await silo.Root.UploadMediaAsync(brandId, new MemoryStream(MediaSamples.Jpeg(5_000_000)), "edge.jpg", "image/jpeg");
        var refused = await Assert.ThrowsAsync<ConversationsApiException>(() =>
            silo.Root.UploadMediaAsync(brandId, new MemoryStream(MediaSamples.Jpeg(5_000_001)), "over.jpg", "image/jpeg"));

        Assert.Equal(5_000_000, atLimit.Size);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "attachment_rejected", "size", "5000001"), (refused.StatusCode, refused.Code, refused.Problem!.Limit, refused.Problem.Value));
        Assert.Contains("5,000,000", refused.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyOverTheLargestAttachmentIs413BeforeItIsRead()
    {
        var brandId = await silo.NewBrandAsync();
        var address = silo.Silo.Client.BaseAddress!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        await using var stream = tcp.GetStream();

        // Raw HTTP: a client library would still be sending the 40 MB when the 413 arrives and report a broken pipe instead.
        var head = $"POST /api/brands/{brandId}/media HTTP/1.1\r\nHost: {address.Authority}\r\nAuthorization: Bearer {AdminSilo.AdminKey}\r\n"
            + $"Content-Type: multipart/form-data; boundary=b0undary\r\nContent-Length: {MediaEndpoints.MaxUploadBytes + 1}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var response = new StringBuilder();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        int read;
        while (!response.ToString().Contains("payload_too_large", StringComparison.Ordinal) && (read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
        {
            response.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        Assert.StartsWith("HTTP/1.1 413", response.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"code\":\"payload_too_large\"", response.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherBrandsMediaIsNotFound()
    {
        var brandA = await silo.NewBrandAsync();
        var brandB = await silo.NewBrandAsync();
        var uploaded = await silo.Root.UploadMediaAsync(brandA, new MemoryStream(MediaSamples.Png()), "a.png", "image/png");
        var keyOfB = await silo.NewKeyAsync(brandB, Roles.Admin, Roles.Operator);

        var onARoute = await Assert.ThrowsAsync<ConversationsApiException>(() => keyOfB.DownloadMediaAsync(brandA, uploaded.MediaId));
        var onBRoute = await Assert.ThrowsAsync<ConversationsApiException>(() => keyOfB.DownloadMediaAsync(brandB, uploaded.MediaId));

        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (onARoute.StatusCode, onARoute.Code));
        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (onBRoute.StatusCode, onBRoute.Code));
    }

    private static byte[] Sample(string name) => name switch
    {
        "jpeg" => MediaSamples.Jpeg(),
        "png" => MediaSamples.Png(),
        "pdf" => MediaSamples.Pdf(),
        "txt" => MediaSamples.Text(),
        "xlsx" => MediaSamples.Xlsx(),
        "pptx" => MediaSamples.Pptx(),
        "docx" => MediaSamples.Docx(),
        "xls" => MediaSamples.Xls(),
        "ppt" => MediaSamples.Ppt(),
        "mp4" => MediaSamples.Mp4(),
        "3gp" => MediaSamples.ThreeGp(),
        "mp3" => MediaSamples.Mp3(),
        "aac" => MediaSamples.Aac(),
        "ogg" => MediaSamples.Ogg(),
        "amr" => MediaSamples.Amr(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such sample."),
    };

    internal static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

[Collection(SqliteMediaCollectionDefinition.Name)]
public sealed class SqliteMediaUploadTests(SqliteMediaSilo silo) : MediaUploadTests(silo);

[Collection(PostgresMediaCollectionDefinition.Name)]
public sealed class PostgresMediaUploadTests(PostgresMediaSilo silo) : MediaUploadTests(silo);
