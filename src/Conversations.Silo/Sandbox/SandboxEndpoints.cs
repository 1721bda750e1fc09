using System.Globalization;
using System.Text.Json;
using Conversations.Client.Contracts;
using Conversations.Domain.Numbers;
using Conversations.Grains;
using Conversations.Grains.Conversations;
using Conversations.Grains.Numbers;
using Conversations.Grains.Sandbox;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Silo.Access;
using Conversations.Silo.Api;
using Conversations.Silo.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Sandbox;

/// <summary>
/// The sandbox channel, to try the whole flow without a Twilio or Meta account:
/// <c>POST /api/sandbox/{brandId}/inbound</c> plays the customer writing to one of the brand's sandbox
/// numbers; <c>GET /api/sandbox/{brandId}/outbound?to=…</c> lists what the business sent them.
/// </summary>
public static class SandboxEndpoints
{
    public const int MaxTextLength = 4096;

    /// <summary>As many attachments as one Twilio WhatsApp message carries.</summary>
    public const int MaxMedia = 10;

    public static IEndpointRouteBuilder MapSandbox(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/sandbox/{brandId}").WithTags("Sandbox");
        group.MapPost("/inbound", InboundAsync).WithName("SandboxInbound").RequireRoles(Roles.Admin, Roles.Operator, Roles.Distribute);
        group.MapGet("/outbound", OutboundAsync).WithName("SandboxOutbound").RequireRoles(Roles.Admin, Roles.Operator, Roles.Distribute);
        return routes;
    }

    internal static async Task<Results<Accepted<SandboxInboundResponse>, ProblemHttpResult>> InboundAsync(
        string brandId, SandboxInboundRequest body, IGrainFactory grains, TimeProvider time)
    {
        if (!WhatsAppNumber.TryParse(body.To, "to", out _, out var badTo))
        {
            return ApiProblems.FromRefusal(badTo!);
        }

        if (!WhatsAppNumber.TryParse(body.From, "from", out _, out var badFrom))
        {
            return ApiProblems.FromRefusal(badFrom!);
        }

        var media = body.Media ?? [];
        if (media.Count > MaxMedia)
        {
            return ApiProblems.BadRequest("invalid_format", $"media holds at most {MaxMedia} attachments.", "media");
        }

        for (var i = 0; i < media.Count; i++)
        {
            if (media[i] is not { Url: { } url } || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                return ApiProblems.BadRequest("invalid_format", "Each attachment needs an absolute https url.", $"media[{i}].url");
            }

            if (media[i].ContentType is not { Length: > 0 and <= 127 } type || !type.Contains('/', StringComparison.Ordinal))
            {
                return ApiProblems.BadRequest("invalid_format", "Each attachment needs a MIME type such as image/jpeg.", $"media[{i}].contentType");
            }
        }

        if ((string.IsNullOrEmpty(body.Text) && media.Count == 0) || body.Text?.Length > MaxTextLength)
        {
            return ApiProblems.BadRequest("invalid_format", $"text is required unless media is sent: 1 to {MaxTextLength:N0} characters.", "text");
        }

        var number = await grains.GetGrain<IPhoneNumberGrain>(body.To!).GetAsync();
        if (number.BrandId != brandId || number.Provider != ChannelProvider.Sandbox)
        {
            return ApiProblems.NotFound($"Sandbox number '{body.To}' of this brand");
        }

        var key = new ConversationKey(brandId, body.To!, body.From!);
        var messageId = $"sbx-{time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}";
        var attachments = media.Select(m => new MessageAttachment(null, m.Url, m.ContentType)).ToList();
        var receipt = await grains.GetGrain<IConversationGrain>(key.ToString()).ReceiveAsync(new InboundMessage(messageId, body.Text)
        {
            Kind = attachments.Count == 0 ? MessageKinds.Text : MediaKinds.FromContentType(attachments[0].ContentType),
            Attachments = attachments,
            Sender = new CustomerIdentity(body.From, null, body.ProfileName),
        });
        return TypedResults.Accepted(
            (string?)null,
            new SandboxInboundResponse(messageId, $"{body.To}-{body.From}", receipt.ChatNumber, receipt.ChatStatus.ToString().ToLowerInvariant(), receipt.WindowExpiresAt));
    }

    internal static async Task<Results<Ok<IReadOnlyList<SandboxOutboundView>>, ProblemHttpResult>> OutboundAsync(
        string brandId, string? to, IGrainStorage storage, CancellationToken cancellationToken)
    {
        if (!WhatsAppNumber.TryParse(to, "to", out _, out var badTo))
        {
            return ApiProblems.FromRefusal(badTo!);
        }

        var rows = await storage.ListRowsAsync(ProjectionCollections.SandboxOutbound, $"{brandId}|{to}", null, 500, cancellationToken);
        var messages = rows
            .Select(r => JsonSerializer.Deserialize<SandboxMessage>(r.Body, GrainJson.Options)!)
            .OrderBy(m => m.ReceivedAt)
            .Select(m => new SandboxOutboundView(m.MessageId, m.From, m.To, m.Text, m.TemplateName, m.TemplateLanguage, m.TemplateParameters, m.HasMedia, m.Status, m.ReceivedAt)
            {
                Media = m.Media is { } media ? new MediaReference(media.MediaId, media.Url, media.ContentType, media.FileName) : null,
            })
            .ToList();
        return TypedResults.Ok<IReadOnlyList<SandboxOutboundView>>(messages);
    }
}
