using Conversations.Domain.Attachments;
using Conversations.Domain.Common;

namespace Conversations.Domain.Tests.Attachments;

public sealed class InboundAttachmentTests
{
    [Theory]
    [InlineData("image/jpeg", AttachmentKind.Image)]
    [InlineData("image/png", AttachmentKind.Image)]
    [InlineData("application/pdf", AttachmentKind.Document)]
    [InlineData("application/vnd.ms-excel", AttachmentKind.Document)]
    [InlineData("video/mp4", AttachmentKind.Video)]
    [InlineData("video/3gpp", AttachmentKind.Video)]
    [InlineData("audio/mpeg", AttachmentKind.Audio)]
    [InlineData("audio/amr", AttachmentKind.Audio)]
    [InlineData("audio/aac", AttachmentKind.Audio)]
    public void MediaInTheTableIsClassifiedByItsType(string contentType, AttachmentKind kind)
    {
        var verdict = AttachmentPolicy.ClassifyInbound(contentType, 1_000);

        Assert.True(verdict.IsAccepted);
        Assert.Equal(kind, verdict.Kind);
    }

    [Theory]
    [InlineData("audio/ogg; codecs=opus")] // how WhatsApp reports a voice note
    [InlineData("audio/ogg;codecs=opus")]
    [InlineData("Audio/OGG; codecs=opus")]
    public void VoiceNoteIsAudio(string contentType)
    {
        var verdict = AttachmentPolicy.ClassifyInbound(contentType, 12_345);

        Assert.True(verdict.IsAccepted);
        Assert.Equal(AttachmentKind.Audio, verdict.Kind);
    }

    [Theory]
    [InlineData("image/webp")] // WhatsApp stickers
    [InlineData("image/gif")]
    [InlineData("text/vcard")] // a shared contact
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("application/zip")]
    public void MediaOutsideTheTableIsKeptButFlaggedNamingItsType(string contentType)
    {
        var verdict = AttachmentPolicy.ClassifyInbound(contentType, 1_000);

        Assert.False(verdict.IsAccepted);
        Assert.Null(verdict.Kind);
        Assert.Equal(RefusalCodes.AttachmentRejected, verdict.Refusal!.Code);
        Assert.Equal("type", verdict.Refusal.Field);
        Assert.Contains(contentType, verdict.Refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void MediaWithoutATypeIsFlagged(string? contentType)
    {
        var verdict = AttachmentPolicy.ClassifyInbound(contentType, 1_000);

        Assert.Null(verdict.Kind);
        Assert.Equal("type", verdict.Refusal!.Field);
    }

    [Theory]
    [InlineData("image/jpeg", AttachmentKind.Image, 5_000_000)]
    [InlineData("application/pdf", AttachmentKind.Document, 40_000_000)]
    [InlineData("video/mp4", AttachmentKind.Video, 16_000_000)]
    [InlineData("audio/ogg; codecs=opus", AttachmentKind.Audio, 16_000_000)]
    public void InboundMediaOfExactlyTheLimitIsNotFlagged(string contentType, AttachmentKind kind, long limit)
    {
        var verdict = AttachmentPolicy.ClassifyInbound(contentType, limit);

        Assert.True(verdict.IsAccepted);
        Assert.Equal(kind, verdict.Kind);
    }

    [Theory]
    [InlineData("image/jpeg", AttachmentKind.Image, 5_000_000)]
    [InlineData("application/pdf", AttachmentKind.Document, 40_000_000)]
    [InlineData("video/mp4", AttachmentKind.Video, 16_000_000)]
    [InlineData("audio/ogg; codecs=opus", AttachmentKind.Audio, 16_000_000)]
    public void OversizedInboundMediaKeepsItsKindAndIsFlaggedOnSize(string contentType, AttachmentKind kind, long limit)
    {
        var verdict = AttachmentPolicy.ClassifyInbound(contentType, limit + 1);

        Assert.False(verdict.IsAccepted);
        Assert.Equal(kind, verdict.Kind);
        Assert.Equal(RefusalCodes.AttachmentRejected, verdict.Refusal!.Code);
        Assert.Equal("size", verdict.Refusal.Field);
    }

    [Fact]
    public void InboundMediaOfUnknownSizeIsClassifiedWithoutAFlag()
    {
        var verdict = AttachmentPolicy.ClassifyInbound("video/mp4", null);

        Assert.True(verdict.IsAccepted);
        Assert.Equal(AttachmentKind.Video, verdict.Kind);
    }
}
