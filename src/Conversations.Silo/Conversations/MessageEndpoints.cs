using System.Text.RegularExpressions;
using Conversations.Client.Contracts;
using System.Text.Json;
using Conversations.Domain.Attachments;
using Conversations.Domain.CannedResponses;
using Conversations.Grains;
using Conversations.Domain.Messaging;
using Conversations.Domain.Numbers;
using Conversations.Grains.Brands;
using Conversations.Grains.Conversations;
using Conversations.Grains.Numbers;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Silo.Access;
using Conversations.Silo.Api;
using Conversations.Silo.Idempotency;
using Conversations.Silo.Media;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Conversations;

/// <summary>
/// Sending for operators: <c>POST …/conversations/{id}/messages</c> (text, an approved template, or
/// media with a caption) → 202 once the Conversation grain accepted it, priced and reserved, and
/// queued for its provider; <c>…/messages/preview</c> answers what that would do without doing it;
/// <c>POST …/conversations</c> starts a business-initiated conversation with a template. Refusals are
/// the domain's: 409 <c>window_closed</c> / <c>chat_closed</c>, 402 <c>insufficient_credit</c>, 422
/// <c>marketing_paused_us</c> / <c>template_not_approved</c> / <c>attachment_rejected</c>.
/// </summary>
public static partial class MessageEndpoints
{
    public const int MaxTextLength = 4096;
    public const int MaxCaptionLength = 1024;

    public static IEndpointRouteBuilder MapConversationMessages(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/brands/{brandId}/conversations").WithTags("Conversations");
        group.MapPost("/{id}/messages", SendAsync).WithName("SendMessage").RequireRoles(Roles.Admin, Roles.Operator).WithIdempotency();
        group.MapPost("/{id}/messages/preview", PreviewAsync).WithName("PreviewMessage").RequireRoles(Roles.Admin, Roles.Operator);
        group.MapPost("/", StartAsync).WithName("StartConversation").RequireRoles(Roles.Admin, Roles.Operator).WithIdempotency();
        return routes;
    }

    internal static async Task<Results<Accepted<SendMessageResponse>, ProblemHttpResult>> SendAsync(
        string brandId, string id, SendMessageRequest body, HttpContext http, IGrainFactory grains, IMediaStore media, IGrainStorage storage)
    {
        if (!ConversationIds.TryParse(brandId, id, out var key, out var problem))
        {
            return problem!;
        }

        var (message, refused) = await BuildAsync(brandId, key, MessageIdFor(http), body, grains, media, storage);
        if (refused is not null)
        {
            return refused;
        }

        var result = await grains.GetGrain<IConversationGrain>(key.ToString()).SendAsync(message!);
        if (result.IsAccepted && message!.Media?.MediaId is { } uploaded)
        {
            // After the grain took it: a refused send must not keep an upload alive or tie it to this customer.
            await media.RecordSendAsync(brandId, uploaded, ConversationIds.Format(key), CancellationToken.None);
        }

        return result.Refusal is { } refusal
            ? ApiProblems.FromRefusal(refusal)
            : TypedResults.Accepted(
                $"/api/brands/{brandId}/conversations/{id}/messages",
                new SendMessageResponse(result.MessageId, "queued", ConversationViews.Usd(result.PriceMicros), id));
    }

    internal static async Task<Results<Ok<SendPreviewResponse>, ProblemHttpResult>> PreviewAsync(
        string brandId, string id, SendMessageRequest body, IGrainFactory grains, IMediaStore media, IGrainStorage storage)
    {
        if (!ConversationIds.TryParse(brandId, id, out var key, out var problem))
        {
            return problem!;
        }

        var (message, refused) = await BuildAsync(brandId, key, "preview", body, grains, media, storage);
        if (refused is not null)
        {
            return refused;
        }

        var preview = await grains.GetGrain<IConversationGrain>(key.ToString()).PreviewAsync(message!);
        return TypedResults.Ok(new SendPreviewResponse(
            preview.Allowed, preview.Refusal?.Code, preview.Refusal?.Message, ConversationViews.Usd(preview.PriceMicros), preview.WindowExpiresAt));
    }

    internal static async Task<Results<Created<SendMessageResponse>, ProblemHttpResult>> StartAsync(
        string brandId, StartConversationRequest body, HttpContext http, IGrainFactory grains, IMediaStore media, IGrainStorage storage)
    {
        if (!WhatsAppNumber.TryParse(body.BusinessNumber, "businessNumber", out _, out var badNumber))
        {
            return ApiProblems.FromRefusal(badNumber!);
        }

        if (body.Customer is null || !ConversationIds.IsCustomer(body.Customer)
            || !(WhatsAppNumber.TryParse(body.Customer, "customer", out _, out _) || body.Customer.Contains('.', StringComparison.Ordinal)))
        {
            return ApiProblems.BadRequest("invalid_format", "customer is the customer's number in digits with the country code, or their business-scoped user id (e.g. US.1234).", "customer");
        }

        if (body.Template is null)
        {
            return ApiProblems.BadRequest("invalid_format", "A business-initiated conversation opens with an approved template: template is required.", "template");
        }

        var key = new ConversationKey(brandId, body.BusinessNumber!, body.Customer);
        var (message, refused) = await BuildAsync(brandId, key, MessageIdFor(http), new SendMessageRequest(Template: body.Template), grains, media, storage);
        if (refused is not null)
        {
            return refused;
        }

        var result = await grains.GetGrain<IConversationGrain>(key.ToString()).SendAsync(message!);
        var id = ConversationIds.Format(key);
        return result.Refusal is { } refusal
            ? ApiProblems.FromRefusal(refusal)
            : TypedResults.Created(
                $"/api/brands/{brandId}/conversations/{id}",
                new SendMessageResponse(result.MessageId, "queued", ConversationViews.Usd(result.PriceMicros), id));
    }

    /// <summary>Our message id: from the <c>Idempotency-Key</c> when sent (so a retried request is one message), else new.</summary>
    private static string MessageIdFor(HttpContext http)
    {
        var key = http.Request.Headers[IdempotencyFilter.Header].ToString();
        return key.Length > 0 ? $"idem:{key}" : $"msg_{Guid.NewGuid():N}";
    }

    /// <summary>
    /// The outbound message for a request: exactly one kind of content, checked field by field; the
    /// provider is the one carrying the business number, which must be the brand's.
    /// </summary>
    private static async Task<(OutboundMessage? Message, ProblemHttpResult? Problem)> BuildAsync(
        string brandId, ConversationKey conversation, string messageId, SendMessageRequest body, IGrainFactory grains, IMediaStore media, IGrainStorage storage)
    {
        if (body.CannedResponseId is { } cannedId)
        {
            if (body.Text is not null || body.Template is not null || body.Media is not null)
            {
                return (null, ApiProblems.BadRequest("invalid_format", "Send exactly one of text, template, media or cannedResponseId.", "body"));
            }

            if (await FillCannedAsync(brandId, cannedId, body.OperatorName, conversation, grains, storage) is not { } filled)
            {
                return (null, ApiProblems.NotFound($"Canned response '{cannedId}' of this brand"));
            }

            body = new SendMessageRequest(Text: filled);
        }

        var kinds = (body.Text is not null ? 1 : 0) + (body.Template is not null ? 1 : 0) + (body.Media is not null ? 1 : 0);
        if (kinds != 1)
        {
            return (null, ApiProblems.BadRequest("invalid_format", "Send exactly one of text, template, media (with an optional caption) or cannedResponseId.", "body"));
        }

        var businessNumber = conversation.BusinessNumber;
        var number = await grains.GetGrain<IPhoneNumberGrain>(businessNumber).GetAsync();
        if (number.BrandId != brandId)
        {
            return (null, ApiProblems.NotFound($"Business number '{businessNumber}' of this brand"));
        }

        if (body.Text is { } text)
        {
            if (text.Length is 0 or > MaxTextLength || string.IsNullOrWhiteSpace(text))
            {
                return (null, ApiProblems.BadRequest("invalid_format", $"text must be 1 to {MaxTextLength:N0} characters, not blank.", "text"));
            }

            return (new OutboundMessage(messageId, number.Provider, new FreeFormContent(text)), null);
        }

        if (body.Media is { } attachment)
        {
            if (attachment.MediaId is { Length: > 0 and <= 200 } mediaId)
            {
                // One of ours: it must be this brand's, and it is sent as the type its content showed at upload.
                if (await media.FindAsync(brandId, mediaId, CancellationToken.None) is not { } stored)
                {
                    return (null, ApiProblems.NotFound($"Media '{mediaId}' of this brand"));
                }

                attachment = attachment with { ContentType = stored.ContentType };
            }

            return Media(messageId, number.Provider, attachment, body.Caption);
        }

        return await TemplateAsync(brandId, messageId, number.Provider, body.Template!, grains);
    }

    private static (OutboundMessage?, ProblemHttpResult?) Media(string messageId, ChannelProvider provider, MediaMessageDto media, string? caption)
    {
        if (caption is { Length: > MaxCaptionLength })
        {
            return (null, ApiProblems.BadRequest("invalid_format", $"caption is at most {MaxCaptionLength:N0} characters.", "caption"));
        }

        if ((media.MediaId is null) == (media.Url is null))
        {
            return (null, ApiProblems.BadRequest("invalid_format", "media needs exactly one of mediaId (from POST /api/brands/{brandId}/media) or url.", "media"));
        }

        if (media.Url is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            return (null, ApiProblems.BadRequest("invalid_format", "media.url must be an absolute https URL.", "media.url"));
        }

        if (media.MediaId is { } mediaId && (mediaId.Length is 0 or > 200 || mediaId.Any(char.IsControl)))
        {
            return (null, ApiProblems.BadRequest("invalid_format", "media.mediaId is not a media id this API gave out.", "media.mediaId"));
        }

        if (media.Url is not null || media.ContentType is not null)
        {
            if (AttachmentPolicy.ClassifyInbound(media.ContentType, null).Refusal is { } rejected)
            {
                return (null, ApiProblems.FromRefusal(rejected with { Field = $"media.contentType", Message = $"{rejected.Message} (limit: {rejected.Field}, value: {media.ContentType ?? "none"})" }));
            }
        }

        var attachment = new MessageAttachment(media.MediaId, media.Url, media.ContentType);
        return (new OutboundMessage(messageId, provider, new FreeFormContent(caption, HasMedia: true)) { Media = attachment }, null);
    }

    internal static async Task<(OutboundMessage?, ProblemHttpResult?)> TemplateAsync(
        string brandId, string messageId, ChannelProvider provider, TemplateMessageDto requested, IGrainFactory grains)
    {
        if (string.IsNullOrEmpty(requested.Name))
        {
            return (null, ApiProblems.BadRequest("invalid_format", "template.name is required.", "template.name"));
        }

        if (string.IsNullOrEmpty(requested.Language))
        {
            return (null, ApiProblems.BadRequest("invalid_format", "template.language is required (e.g. en or en_US).", "template.language"));
        }

        var templates = await grains.GetGrain<IBrandGrain>(brandId).ListTemplatesAsync();
        var found = templates.FirstOrDefault(t => t.Name == requested.Name && t.Language == requested.Language);
        if (found is null)
        {
            return (null, ApiProblems.Of(
                StatusCodes.Status422UnprocessableEntity, "template_not_found",
                $"The brand has no template '{requested.Name}' in '{requested.Language}' (see GET /api/brands/{brandId}/templates).", "template.name"));
        }

        var parameters = requested.Parameters ?? [];
        var expected = Placeholders().Matches(found.Body).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Count();
        if (parameters.Count != expected)
        {
            return (null, ApiProblems.BadRequest(
                "invalid_format", $"Template '{found.Name}' has {expected} placeholder(s); {parameters.Count} parameter(s) were given.", "template.parameters"));
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i] is null || parameters[i].Length > MaxCaptionLength)
            {
                return (null, ApiProblems.BadRequest("invalid_format", $"template.parameters[{i}] must be a string of at most {MaxCaptionLength:N0} characters.", $"template.parameters[{i}]"));
            }
        }

        return (new OutboundMessage(messageId, provider, new TemplateContent(found, parameters)), null);
    }

    /// <summary>The canned response's text with the customer's, brand's and operator's fields filled; null when the brand has no such response.</summary>
    private static async Task<string?> FillCannedAsync(
        string brandId, string id, string? operatorName, ConversationKey conversation, IGrainFactory grains, IGrainStorage storage)
    {
        var row = await storage.GetRowAsync(ProjectionCollections.CannedResponses, CannedResponseRow.RowKey(brandId, id), CancellationToken.None);
        if (row is null || JsonSerializer.Deserialize<CannedResponseRow>(row.Body, GrainJson.Options) is not { } canned || canned.BrandId != brandId)
        {
            return null;
        }

        var snapshot = await grains.GetGrain<IConversationGrain>(conversation.ToString()).GetAsync();
        var brand = await grains.GetGrain<IBrandGrain>(brandId).GetAsync();
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [CannedResponse.CustomerName] = snapshot.Identity?.ProfileName,
            [CannedResponse.CustomerNumber] = snapshot.Identity?.Phone ?? (conversation.Customer.All(char.IsAsciiDigit) ? conversation.Customer : null),
            [CannedResponse.BrandName] = brand.Name,
            [CannedResponse.OperatorName] = operatorName,
        };
        return CannedResponse.Fill(canned.Text, values);
    }

    [GeneratedRegex(@"\{\{(\d+)\}\}")]
    private static partial Regex Placeholders();
}
