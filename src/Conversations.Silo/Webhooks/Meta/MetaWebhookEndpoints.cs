using System.Globalization;
using System.Text.Json;
using Conversations.Channels.Meta.Outbound;
using Conversations.Channels.Meta.Webhooks;
using Conversations.Domain.Messaging;
using Conversations.Grains;
using Conversations.Grains.Brands;
using Conversations.Grains.Conversations;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Silo.Api;
using Conversations.Silo.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Conversations.Silo.Webhooks.Meta;

/// <summary>
/// Meta's WhatsApp Cloud API webhooks: <c>GET /webhooks/meta</c> answers the subscription handshake;
/// <c>POST /webhooks/meta</c> checks <c>X-Hub-Signature-256</c> over the raw bytes, then records every
/// message and status of every entry — routed by <c>phone_number_id</c> — before answering 200.
/// A webhook for a number we do not know is answered 200 and logged (Meta retries anything else);
/// a failure to record answers 500 so Meta retries, and retries are recorded once (by message id).
/// </summary>
public static partial class MetaWebhookEndpoints
{
    public static IEndpointRouteBuilder MapMetaWebhooks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/webhooks/meta").WithTags("Webhooks");
        group.MapGet("/", Handshake).WithName("MetaWebhookHandshake");
        group.MapPost("/", ReceiveAsync).WithName("MetaWebhook");
        return routes;
    }

    internal static Results<ContentHttpResult, ProblemHttpResult> Handshake(HttpRequest request, IOptions<MetaOptions> options)
    {
        var challenge = MetaHandshake.Verify(
            request.Query["hub.mode"], request.Query["hub.verify_token"], request.Query["hub.challenge"], options.Value.VerifyToken);
        return challenge is null
            ? ApiProblems.Of(StatusCodes.Status403Forbidden, "forbidden", "The verify token does not match.")
            : TypedResults.Text(challenge, "text/plain");
    }

    internal static async Task<Results<Ok, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, IOptions<MetaOptions> options, IGrainFactory grains, IGrainStorage storage, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(MetaWebhookEndpoints));
        var (body, tooLarge) = await RawBody.ReadAsync(request, cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        if (options.Value.AppSecret is not { Length: > 0 } secret
            || !MetaSignature.IsValid(secret, body, request.Headers[MetaSignature.HeaderName].ToString()))
        {
            LogRejected(logger);
            return ApiProblems.Of(StatusCodes.Status403Forbidden, "invalid_signature", "The X-Hub-Signature-256 header does not sign this body with the app secret.");
        }

        var parsed = MetaWebhookParser.Parse(body);
        if (parsed.Batch is not { } batch)
        {
            return ApiProblems.BadRequest("invalid_body", $"The webhook body is not a WhatsApp Business Account notification: {parsed.Error}.", "body");
        }

        var routes = new Dictionary<string, MetaNumberRow?>(StringComparer.Ordinal);
        foreach (var message in batch.Messages)
        {
            if (await RouteAsync(message.Business.PhoneNumberId) is not { } route)
            {
                LogUnknownNumber(logger, message.Business.PhoneNumberId ?? "(none)");
                continue;
            }

            var userId = message.Customer.UserId ?? (message.Customer.Phone is null ? CustomerConversations.AsOpaqueId(message.Customer.RawFrom) : null);
            if (await CustomerConversations.ResolveAsync(grains, route.BrandId, route.PhoneNumber, message.Customer.Phone, userId) is not { } key)
            {
                LogNoCustomer(logger, message.MessageId);
                continue;
            }

            await grains.GetGrain<IConversationGrain>(key.ToString()).ReceiveAsync(MetaInboundMapping.ToInbound(message));
        }

        foreach (var status in batch.Statuses)
        {
            if (StatusOf(status.Status) is not { } reported || OutboundCallback.Parse(status.BizOpaqueCallbackData) is not { } callback)
            {
                LogUnmatchedStatus(logger, status.RawStatus ?? "(none)");
                continue;
            }

            await grains.GetGrain<IConversationGrain>(callback.Conversation)
                .ReportDeliveryAsync(callback.MessageId, reported, new DeliveryDetails(status.MessageId, FailureOf(status), status.Timestamp));
        }

        return TypedResults.Ok();

        async Task<MetaNumberRow?> RouteAsync(string? phoneNumberId)
        {
            if (phoneNumberId is null)
            {
                return null;
            }

            if (!routes.TryGetValue(phoneNumberId, out var route))
            {
                var row = await storage.GetRowAsync(ProjectionCollections.MetaNumbers, phoneNumberId, cancellationToken);
                route = row is null ? null : JsonSerializer.Deserialize<MetaNumberRow>(row.Body, GrainJson.Options);
                routes[phoneNumberId] = route;
            }

            return route;
        }
    }

    /// <summary>Why a <c>failed</c> status failed, in the operator's terms, from its first error.</summary>
    private static DeliveryFailure? FailureOf(MetaStatusUpdate status) => status.Errors.Count == 0
        ? null
        : status.Errors[0] is var error && error.Code is { } code
            ? new DeliveryFailure(MetaFailureReasons.ForErrorCode(code), code.ToString(CultureInfo.InvariantCulture), error.Details ?? error.Message ?? error.Title)
            : new DeliveryFailure(MetaFailureReasons.ProviderRejected, null, status.Errors[0].Details ?? status.Errors[0].Message ?? status.Errors[0].Title);

    private static DeliveryStatus? StatusOf(MetaDeliveryStatus status) => status switch
    {
        MetaDeliveryStatus.Sent => DeliveryStatus.Sent,
        MetaDeliveryStatus.Delivered => DeliveryStatus.Delivered,
        MetaDeliveryStatus.Read or MetaDeliveryStatus.Played => DeliveryStatus.Read,
        MetaDeliveryStatus.Failed => DeliveryStatus.Failed,
        _ => null,
    };

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Meta webhook refused: missing or wrong X-Hub-Signature-256")]
    private static partial void LogRejected(ILogger logger);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Meta webhook for phone-number id {PhoneNumberId}, which no brand has connected: acknowledged, not recorded")]
    private static partial void LogUnknownNumber(ILogger logger, string phoneNumberId);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Meta message {MessageId} has neither a phone number nor a user id for its sender: not recorded")]
    private static partial void LogNoCustomer(ILogger logger, string messageId);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Meta status {Status} matches no message of ours: acknowledged, not recorded")]
    private static partial void LogUnmatchedStatus(ILogger logger, string status);
}
