using System.Globalization;
using Conversations.Channels.Twilio.Inbound;
using Conversations.Channels.Twilio.Outbound;
using Conversations.Channels.Twilio.Validation;
using Conversations.Domain.Messaging;
using Conversations.Grains.Brands;
using Conversations.Grains.Conversations;
using Conversations.Grains.Numbers;
using Conversations.Runtime.Grains;
using Conversations.Silo.Api;
using Conversations.Silo.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Conversations.Silo.Webhooks.Twilio;

/// <summary>
/// Twilio's webhooks for a brand's own Twilio account: incoming messages (the Qualtrics callback
/// path brands paste into Twilio, used as both the incoming and the fallback URL, and its alias
/// <c>/webhooks/twilio/{brandId}</c>) and status callbacks. <c>X-Twilio-Signature</c> is checked
/// against the public URL and the form parameters with the brand's auth token before anything is
/// recorded; the answer (an empty TwiML <c>&lt;Response/&gt;</c>) comes only once the message is
/// durably recorded, and a retried message is recorded once (by <c>MessageSid</c>).
/// </summary>
public static partial class TwilioWebhookEndpoints
{
    public const string QualtricsPath = "/distribution-providers/v1/receive/distribution/message/whatsapp/twilio-sms/{brandId}";
    private const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    public static IEndpointRouteBuilder MapTwilioWebhooks(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(QualtricsPath, InboundAsync).WithName("TwilioInbound").WithTags("Webhooks");
        routes.MapPost("/webhooks/twilio/{brandId}", InboundAsync).WithName("TwilioInboundAlias").WithTags("Webhooks");
        routes.MapPost("/webhooks/twilio/{brandId}/status", StatusAsync).WithName("TwilioStatusCallback").WithTags("Webhooks");
        return routes;
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> InboundAsync(
        string brandId, HttpRequest request, IGrainFactory grains, TwilioAuthTokens secrets, IOptions<ConversationsOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var verified = await VerifyAsync(brandId, request, grains, secrets, options.Value, loggers, cancellationToken);
        if (verified.Problem is { } problem)
        {
            return problem;
        }

        if (TwilioInboundParser.ParseMessage(verified.Form!) is not TwilioInboundMessage message)
        {
            return ApiProblems.BadRequest("invalid_body", "The body is not a Twilio incoming-message webhook (MessageSid, From and To are required).", "body");
        }

        var businessNumber = message.BusinessNumber ?? verified.Credentials!.PhoneNumber;
        var number = grains.GetGrain<IPhoneNumberGrain>(businessNumber);
        if ((await number.GetAsync()).BrandId != brandId && (await number.GetCurrentAsync()).BrandId != brandId)
        {
            // Twilio retries (and then calls the fallback URL) on anything but a 2xx: a message to a
            // number this brand does not hold is acknowledged and logged, as Meta's are.
            LogNotOurNumber(loggers.CreateLogger(typeof(TwilioWebhookEndpoints)), brandId, businessNumber);
            return TypedResults.Text(EmptyTwiml, "text/xml");
        }

        if (await CustomerConversations.ResolveAsync(grains, brandId, businessNumber, message.Customer.PhoneNumber, message.Customer.UserId) is not { } key)
        {
            return ApiProblems.BadRequest("invalid_body", "The message names no customer (From).", "From");
        }

        await grains.GetGrain<IConversationGrain>(key.ToString()).ReceiveAsync(TwilioInboundMapping.ToInbound(message));
        return TypedResults.Text(EmptyTwiml, "text/xml");
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> StatusAsync(
        string brandId, HttpRequest request, IGrainFactory grains, TwilioAuthTokens secrets, IOptions<ConversationsOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var verified = await VerifyAsync(brandId, request, grains, secrets, options.Value, loggers, cancellationToken);
        if (verified.Problem is { } problem)
        {
            return problem;
        }

        if (TwilioInboundParser.ParseStatus(verified.Form!, request.QueryString.Value) is not TwilioStatusCallback status)
        {
            return ApiProblems.BadRequest("invalid_body", "The body is not a Twilio status callback (MessageSid and a known MessageStatus are required).", "MessageStatus");
        }

        if (StatusOf(status.Status) is { } reported && OutboundCallback.Parse(status.MessageId) is { } callback)
        {
            var failure = status.ErrorCode is { } code
                ? new DeliveryFailure(TwilioErrorCodes.ReasonFor(code) ?? TwilioFailureReasons.ProviderRejected, code.ToString(CultureInfo.InvariantCulture), $"Twilio error {code.ToString(CultureInfo.InvariantCulture)}")
                : null;
            await grains.GetGrain<IConversationGrain>(callback.Conversation)
                .ReportDeliveryAsync(callback.MessageId, reported, new DeliveryDetails(status.MessageSid, failure));
        }
        else
        {
            var logger = loggers.CreateLogger(typeof(TwilioWebhookEndpoints));
            LogUnmatchedStatus(logger, status.RawStatus);
        }

        return TypedResults.Text(string.Empty, "text/plain");
    }

    private static async Task<Verified> VerifyAsync(
        string brandId, HttpRequest request, IGrainFactory grains, TwilioAuthTokens secrets, ConversationsOptions options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (body, tooLarge) = await RawBody.ReadAsync(request, cancellationToken);
        if (tooLarge is not null)
        {
            return new Verified(tooLarge, null, null);
        }

        var credentials = await grains.GetGrain<IBrandGrain>(brandId).GetTwilioCredentialsAsync();
        if (credentials is null)
        {
            return new Verified(ApiProblems.NotFound($"A Twilio account of brand '{brandId}'"), null, null);
        }

        var form = TwilioForm.Parse(body);
        if (form.Fields is not { } fields)
        {
            return new Verified(ApiProblems.BadRequest("invalid_body", $"The body is not form-encoded: {form.Error}.", "body"), null, null);
        }

        // Twilio signs the URL it called: our public base URL, then the path and query exactly as sent (not decoded).
        var baseUrl = (options.PublicBaseUrl ?? $"{request.Scheme}://{request.Host}").TrimEnd('/');
        var target = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString.Value);
        var url = baseUrl + target;
        if (!TwilioRequestValidator.IsValid(secrets.Unprotect(credentials.ProtectedSecret), url, fields, request.Headers["X-Twilio-Signature"].ToString()))
        {
            var logger = loggers.CreateLogger(typeof(TwilioWebhookEndpoints));
            LogRejected(logger, brandId);
            return new Verified(ApiProblems.Of(StatusCodes.Status403Forbidden, "invalid_signature", "The X-Twilio-Signature header does not sign this request with the brand's auth token."), null, null);
        }

        return new Verified(null, fields, credentials);
    }

    private static DeliveryStatus? StatusOf(TwilioMessageStatus status) => status switch
    {
        TwilioMessageStatus.Queued => DeliveryStatus.Queued,
        TwilioMessageStatus.Sending => DeliveryStatus.Sending,
        TwilioMessageStatus.Sent => DeliveryStatus.Sent,
        TwilioMessageStatus.Delivered => DeliveryStatus.Delivered,
        TwilioMessageStatus.Read => DeliveryStatus.Read,
        TwilioMessageStatus.Failed => DeliveryStatus.Failed,
        TwilioMessageStatus.Undelivered => DeliveryStatus.Undelivered,
        _ => null,
    };

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Twilio webhook for brand {BrandId} refused: missing or wrong X-Twilio-Signature")]
    private static partial void LogRejected(ILogger logger, string brandId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Twilio status {Status} matches no message of ours: acknowledged, not recorded")]
    private static partial void LogUnmatchedStatus(ILogger logger, string status);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Twilio message for brand {BrandId} was sent to {Number}, which the brand does not hold: acknowledged, not recorded")]
    private static partial void LogNotOurNumber(ILogger logger, string brandId, string number);

    private sealed record Verified(ProblemHttpResult? Problem, IReadOnlyList<KeyValuePair<string, string>>? Form, ProtectedCredentials? Credentials);
}
