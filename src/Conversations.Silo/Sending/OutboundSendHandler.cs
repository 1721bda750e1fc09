using System.Globalization;
using System.Text.Json;
using Conversations.Channels.Meta.Outbound;
using Conversations.Channels.Twilio.Outbound;
using Conversations.Domain.Messaging;
using Conversations.Domain.Numbers;
using Conversations.Grains;
using Conversations.Grains.Brands;
using Conversations.Grains.Conversations;
using Conversations.Grains.Numbers;
using Conversations.Grains.Sandbox;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Outbox;
using Conversations.Runtime.Storage;
using Conversations.Silo.Configuration;
using Conversations.Silo.Secrets;
using Conversations.Silo.Webhooks;

namespace Conversations.Silo.Sending;

/// <summary>
/// Hands committed <c>outbound.send</c> messages to their channel: the sandbox, the brand's Twilio
/// account, or Meta's Cloud API with the number's token. Accepted → the message is <c>sending</c>
/// (the provider's status callbacks take it on); a retryable failure (network, 429, 5xx,
/// throttling) throws, so the outbox retries with backoff; a permanent failure marks the message
/// <c>failed</c>, which releases its reserved credit. An attachment goes to Twilio as a signed link of
/// ours and to Meta by upload (<see cref="OutboundMedia"/>). Each send first takes its business number's
/// next slot (<see cref="IPhoneNumberGrain.TakeSendSlotAsync"/>), so the number's throughput holds
/// across the cluster. Sending is at least once: neither provider
/// has idempotent sends, so a node dying between the provider's answer and the outbox's
/// completion sends once more.
/// </summary>
internal sealed class OutboundSendHandler(IGrainFactory grains, IServiceProvider services, HttpClient http, ConversationsOptions options, MetaOptions meta, TwilioOptions twilio, TimeProvider time) : IOutboxHandler
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(10);

    public string Topic => ProjectionCollections.OutboundTopic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<OutboundSendRequest>(message.Payload, GrainJson.Options)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has no send request.");
        var conversation = grains.GetGrain<IConversationGrain>(request.Conversation);
        switch (request.Provider)
        {
            case ChannelProvider.Sandbox:
                await grains.GetGrain<ISandboxGrain>(SandboxKeys.Of(request.BrandId, request.To)).DeliverAsync(request);
                return;
            case ChannelProvider.Twilio:
                await WaitForSlotAsync(request, cancellationToken);
                await ReportAsync(conversation, request, await SendTwilioAsync(request, cancellationToken));
                return;
            case ChannelProvider.Meta:
                await WaitForSlotAsync(request, cancellationToken);
                await ReportAsync(conversation, request, await SendMetaAsync(request, cancellationToken));
                return;
            default:
                throw new NotSupportedException($"Unknown provider {request.Provider} for message {request.MessageId}.");
        }
    }

    /// <summary>
    /// Waits for the business number's next send slot (its throughput, cluster-wide). A slot further
    /// away than <see cref="LongestWait"/> is given up and the message retried later, so the outbox's
    /// lease never lapses while a message waits.
    /// </summary>
    private async Task WaitForSlotAsync(OutboundSendRequest request, CancellationToken cancellationToken)
    {
        var slot = await SendSlots.TakeWithinAsync(grains, request.BusinessNumber, request.HasMedia, LongestWait);
        var wait = slot.At - time.GetUtcNow();
        if (!slot.Taken)
        {
            // No slot was taken, so none is left unused: asking again at slot.At finds one within reach.
            throw new OutboxRetryException($"Number {request.BusinessNumber} is at its send rate; message {request.MessageId} will be retried.", wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private static async Task ReportAsync(IConversationGrain conversation, OutboundSendRequest request, Outcome outcome)
    {
        switch (outcome)
        {
            case Outcome.Accepted accepted:
                await conversation.ReportDeliveryAsync(request.MessageId, DeliveryStatus.Sending, new DeliveryDetails(accepted.ProviderMessageId));
                break;
            case Outcome.Permanent permanent:
                await conversation.ReportDeliveryAsync(request.MessageId, DeliveryStatus.Failed, new DeliveryDetails(Failure: permanent.Failure));
                break;
            case Outcome.Retry retry:
                throw new OutboxRetryException($"Sending message {request.MessageId} failed for now ({retry.Reason}); the outbox will retry it.", retry.RetryAfter);
            default:
                throw new InvalidOperationException($"Unknown send outcome {outcome}.");
        }
    }

    private async Task<Outcome> SendTwilioAsync(OutboundSendRequest request, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<IBrandGrain>(request.BrandId).GetTwilioCredentialsAsync() is not { } account)
        {
            return new Outcome.Permanent(new DeliveryFailure(TwilioFailureReasons.CredentialsRejected, null, "The brand has no Twilio account any more."));
        }

        var callback = options.PublicBaseUrl is { } publicBase
            ? TwilioStatusCallbackUrl.Build(new Uri($"{publicBase.TrimEnd('/')}/webhooks/twilio/{request.BrandId}/status"), new OutboundCallback(request.Conversation, request.MessageId).ToString())
            : null;
        IReadOnlyList<Uri> mediaUrls = [];
        if (request.Media is { } media && request.TemplateProviderRef is null)
        {
            var (url, reason, detail) = await Media.TwilioUrlAsync(request.BrandId, media, cancellationToken);
            if (url is null)
            {
                return new Outcome.Permanent(new DeliveryFailure(reason!, null, detail));
            }

            mediaUrls = [url];
        }

        var send = new TwilioSendRequest(request.BusinessNumber, request.To)
        {
            Body = request.TemplateProviderRef is null ? request.Text : null,
            MediaUrls = mediaUrls,
            ContentSid = request.TemplateProviderRef,
            ContentVariables = request.TemplateParameters?.Select((p, i) => (Key: (i + 1).ToString(CultureInfo.InvariantCulture), Value: p)).ToDictionary(p => p.Key, p => p.Value),
            StatusCallback = callback,
        };
        var client = new TwilioMessagesClient(http, new TwilioMessagesClientOptions { ApiBaseUrl = new Uri(twilio.ApiBaseUrl) }, time);
        return await client.SendAsync(account.AccountId, Secrets.Unprotect(account.ProtectedSecret), send, cancellationToken) switch
        {
            TwilioSendAccepted accepted => new Outcome.Accepted(accepted.Sid),
            TwilioSendPermanentFailure failed => new Outcome.Permanent(new DeliveryFailure(failed.Reason, failed.TwilioCode?.ToString(CultureInfo.InvariantCulture), failed.Message)),
            TwilioSendRetryableFailure retry => new Outcome.Retry(retry.Reason, retry.RetryAfter),
            var other => throw new InvalidOperationException($"Unknown Twilio send result {other}."),
        };
    }

    private async Task<Outcome> SendMetaAsync(OutboundSendRequest request, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<IBrandGrain>(request.BrandId).FindMetaAccountAsync(request.BusinessNumber) is not { } account)
        {
            return new Outcome.Permanent(new DeliveryFailure(MetaFailureReasons.AuthFailed, null, $"Number {request.BusinessNumber} is no longer connected to Meta for this brand."));
        }

        MetaOutboundContent content = request.TemplateName is { } name
            ? new MetaTemplateContent(request.TemplateProviderRef ?? name, request.TemplateLanguage ?? "en", request.TemplateParameters ?? [])
            : new MetaTextContent(request.Text ?? string.Empty);
        if (request.Media is { } media && request.TemplateName is null)
        {
            var (mediaContent, failure) = await Media.MetaContentAsync(
                request.BrandId, account.AccountId, Secrets.Unprotect(account.ProtectedSecret), media, string.IsNullOrEmpty(request.Text) ? null : request.Text, cancellationToken);
            if (mediaContent is null)
            {
                return ToOutcome(failure!);
            }

            content = mediaContent;
        }

        var send = new MetaSendRequest(request.To, content, new OutboundCallback(request.Conversation, request.MessageId).ToString());
        var client = new MetaMessagesClient(http, new MetaClientOptions { GraphBaseUrl = new Uri(meta.GraphBaseUrl), GraphApiVersion = meta.GraphApiVersion }, time);
        return ToOutcome(await client.SendAsync(account.AccountId, Secrets.Unprotect(account.ProtectedSecret), send, cancellationToken));
    }

    private static Outcome ToOutcome(MetaSendResult result) => result switch
    {
        MetaSendAccepted accepted => new Outcome.Accepted(accepted.MessageId),
        MetaSendFailed failed => new Outcome.Permanent(new DeliveryFailure(failed.Reason, failed.ErrorCode?.ToString(CultureInfo.InvariantCulture), failed.Detail)),
        MetaSendRetryable retry => new Outcome.Retry(retry.Reason, retry.RetryAfter),
        var other => throw new InvalidOperationException($"Unknown Meta send result {other}."),
    };

    // Resolved on first use: the protector's key ring is read through the grain host, which this handler belongs to.
    private ISecretProtector Secrets => services.GetRequiredService<ISecretProtector>();

    private OutboundMedia Media => services.GetRequiredService<OutboundMedia>();

    /// <summary>What a provider made of one send: accepted (with its id), retry later (maybe after a given wait), or refused for good.</summary>
    private abstract record Outcome
    {
        public sealed record Accepted(string? ProviderMessageId) : Outcome;

        public sealed record Retry(string Reason, TimeSpan? RetryAfter) : Outcome;

        public sealed record Permanent(DeliveryFailure Failure) : Outcome;
    }
}
