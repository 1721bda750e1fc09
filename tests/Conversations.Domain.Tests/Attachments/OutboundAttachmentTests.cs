using System.Globalization;
using Conversations.Domain.Attachments;
using Conversations.Domain.Common;

namespace Conversations.Domain.Tests.Attachments;

public sealed class OutboundAttachmentTests
{
    [Theory]
    [InlineData("photo.jpeg", "image/jpeg", AttachmentKind.Image, 5_000_000)]
    [InlineData("report.pdf", "application/pdf", AttachmentKind.Document, 40_000_000)]
    [InlineData("clip.mp4", "video/mp4", AttachmentKind.Video, 16_000_000)]
    [InlineData("voice.mp3", "audio/mpeg", AttachmentKind.Audio, 16_000_000)]
    public void FileOfExactlyTheLimitIsAccepted(string fileName, string contentType, AttachmentKind kind, long limit)
    {
        var verdict = AttachmentPolicy.CheckOutbound(fileName, contentType, limit);

        Assert.True(verdict.IsAccepted);
        Assert.Null(verdict.Refusal);
        Assert.Equal(kind, verdict.Kind);
    }

    [Theory]
    [InlineData("photo.jpeg", "image/jpeg", 5_000_000)]
    [InlineData("report.pdf", "application/pdf", 40_000_000)]
    [InlineData("clip.mp4", "video/mp4", 16_000_000)]
    [InlineData("voice.mp3", "audio/mpeg", 16_000_000)]
    public void FileOneByteOverTheLimitIsRefusedNamingTheLimitAndTheSize(string fileName, string contentType, long limit)
    {
        var verdict = AttachmentPolicy.CheckOutbound(fileName, contentType, limit + 1);

        Assert.False(verdict.IsAccepted);
        Assert.Null(verdict.Kind);
        Assert.Equal(RefusalCodes.AttachmentRejected, verdict.Refusal!.Code);
        Assert.Equal("size", verdict.Refusal.Field);
        AssertMentions(verdict.Refusal.Message, limit);
        AssertMentions(verdict.Refusal.Message, limit + 1);
    }

    [Theory]
    [InlineData("photo.jpg", 5_000_001)]
    [InlineData("voice.ogg", 16_000_001)]
    public void SizeRefusalReadsAsProperEnglish(string fileName, long size)
    {
        var message = AttachmentPolicy.CheckOutbound(fileName, null, size).Refusal!.Message;

        Assert.DoesNotContain(" a image", message, StringComparison.Ordinal);
        Assert.DoesNotContain(" a audio", message, StringComparison.Ordinal);
    }

    [Fact]
    public void MegabyteIsOneMillionBytes()
    {
        Assert.Equal(1_000_000, AttachmentPolicy.Megabyte);
        Assert.True(AttachmentPolicy.CheckOutbound("photo.png", "image/png", 5_000_000).IsAccepted);
        Assert.False(AttachmentPolicy.CheckOutbound("photo.png", "image/png", 5 * 1_048_576).IsAccepted);
    }

    [Theory]
    [InlineData("a.jpeg", AttachmentKind.Image)]
    [InlineData("a.png", AttachmentKind.Image)]
    [InlineData("a.jpg", AttachmentKind.Image)]
    [InlineData("a.pdf", AttachmentKind.Document)]
    [InlineData("a.txt", AttachmentKind.Document)]
    [InlineData("a.xls", AttachmentKind.Document)]
    [InlineData("a.xlsx", AttachmentKind.Document)]
    [InlineData("a.ppt", AttachmentKind.Document)]
    [InlineData("a.pptx", AttachmentKind.Document)]
    [InlineData("a.3gp", AttachmentKind.Video)]
    [InlineData("a.mp4", AttachmentKind.Video)]
    [InlineData("a.mp3", AttachmentKind.Audio)]
    [InlineData("a.mpeg", AttachmentKind.Audio)]
    [InlineData("a.ogg", AttachmentKind.Audio)]
    [InlineData("a.amr", AttachmentKind.Audio)]
    [InlineData("a.aac", AttachmentKind.Audio)]
    [InlineData("a.vorbis", AttachmentKind.Audio)]
    public void EveryListedExtensionIsAcceptedAsItsKind(string fileName, AttachmentKind kind)
    {
        var verdict = AttachmentPolicy.CheckOutbound(fileName, null, 1_000);

        Assert.True(verdict.IsAccepted);
        Assert.Equal(kind, verdict.Kind);
    }

    [Theory]
    [InlineData("PHOTO.JPG", AttachmentKind.Image)]
    [InlineData("Slides.PpTx", AttachmentKind.Document)]
    [InlineData("clip.MP4", AttachmentKind.Video)]
    [InlineData("my.holiday.photo.Png", AttachmentKind.Image)]
    public void ExtensionsMatchWhateverTheirCase(string fileName, AttachmentKind kind)
    {
        Assert.Equal(kind, AttachmentPolicy.CheckOutbound(fileName, null, 1_000).Kind);
    }

    [Theory]
    [InlineData("funny.gif", "gif")]
    [InlineData("sticker.webp", "webp")]
    [InlineData("letter.docx", "docx")]
    [InlineData("setup.exe", "exe")]
    [InlineData("archive.zip", "zip")]
    [InlineData("photo.jpg.exe", "exe")]
    public void UnlistedExtensionIsRefusedNamingTheType(string fileName, string extension)
    {
        var verdict = AttachmentPolicy.CheckOutbound(fileName, null, 1_000);

        Assert.False(verdict.IsAccepted);
        Assert.Null(verdict.Kind);
        Assert.Equal(RefusalCodes.AttachmentRejected, verdict.Refusal!.Code);
        Assert.Equal("type", verdict.Refusal.Field);
        Assert.Contains($".{extension}", verdict.Refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("README")]
    [InlineData("photo.")]
    public void FileWithoutAnExtensionIsRefused(string fileName)
    {
        var verdict = AttachmentPolicy.CheckOutbound(fileName, "image/png", 1_000);

        Assert.False(verdict.IsAccepted);
        Assert.Equal("type", verdict.Refusal!.Field);
        Assert.Contains("no extension", verdict.Refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("photo.png", "video/mp4")]
    [InlineData("clip.mp4", "image/png")]
    [InlineData("report.pdf", "image/jpeg")]
    [InlineData("voice.mp3", "application/octet-stream")]
    public void MediaTypeOfAnotherKindThanTheExtensionIsRefused(string fileName, string contentType)
    {
        var verdict = AttachmentPolicy.CheckOutbound(fileName, contentType, 1_000);

        Assert.False(verdict.IsAccepted);
        Assert.Equal(RefusalCodes.AttachmentRejected, verdict.Refusal!.Code);
        Assert.Equal("type", verdict.Refusal.Field);
        Assert.Contains(contentType, verdict.Refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("voice.ogg", "audio/ogg; codecs=opus")]
    [InlineData("photo.PNG", "IMAGE/PNG")]
    [InlineData("sheet.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("clip.3gp", "video/3gpp")]
    public void MatchingMediaTypeIsAcceptedWhateverItsCaseOrParameters(string fileName, string contentType)
    {
        Assert.True(AttachmentPolicy.CheckOutbound(fileName, contentType, 1_000).IsAccepted);
    }

    [Fact]
    public void EmptyFileIsRefused()
    {
        var verdict = AttachmentPolicy.CheckOutbound("photo.png", "image/png", 0);

        Assert.False(verdict.IsAccepted);
        Assert.Equal("size", verdict.Refusal!.Field);
        Assert.Contains("empty", verdict.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeSizeIsRefused()
    {
        var verdict = AttachmentPolicy.CheckOutbound("photo.png", "image/png", -1);

        Assert.False(verdict.IsAccepted);
        Assert.Equal("size", verdict.Refusal!.Field);
    }

    [Fact]
    public void OneByteFileIsAccepted()
    {
        Assert.True(AttachmentPolicy.CheckOutbound("note.txt", "text/plain", 1).IsAccepted);
    }

    private static void AssertMentions(string message, long value)
    {
        var grouped = value.ToString("N0", CultureInfo.InvariantCulture);
        var plain = value.ToString(CultureInfo.InvariantCulture);
        Assert.True(
            message.Contains(grouped, StringComparison.Ordinal) || message.Contains(plain, StringComparison.Ordinal),
            $"'{message}' does not mention {plain}.");
    }
}
