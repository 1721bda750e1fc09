using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Conversations.Channels.Meta.Outbound;
using Conversations.Domain.Numbers;
using Conversations.Grains;
using Conversations.Grains.Brands;
using Conversations.Grains.Conversations;
using Conversations.Grains.Numbers;
using Conversations.Runtime.Grains;
using Conversations.Runtime.Storage;
using Conversations.Silo.Api;
using Conversations.Silo.Configuration;
using Conversations.Silo.Secrets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Silo.Media;

/// <summary>
/// A customer's attachment, by its inbound media id: served from the media store when cached, else
/// fetched once from the provider with the number's credentials and cached. Twilio: HTTP basic auth
/// on the transcript's <c>MediaUrl</c>, then Twilio's redirect to its media CDN without credentials.
/// Meta: <c>GET {graph}/{version}/{media-id}</c> for the download URL, then that URL with the bearer token.
/// Every hop must be a provider host (<see cref="ProviderHosts"/>); the size is capped by
/// <see cref="MediaOptions.MaxInboundBytes"/>. Sandbox attachments are the customer's own URLs: never fetched.
/// </summary>
internal sealed class InboundMediaFetcher(
    IGrainStorage storage, IGrainFactory grains, IMediaStore store, IServiceProvider services, MediaHttp http, ProviderHosts hosts,
    MetaOptions meta, MediaOptions options, ILogger<InboundMediaFetcher> logger)
{
    private const int MaxRedirects = 3;
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromMinutes(2);

    public async Task<(StoredMedia? Media, ProblemHttpResult? Problem)> GetAsync(
        string brandId, string mediaId, string businessNumber, string customer, long seq, int index, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(brandId, mediaId, cancellationToken) is { } cached)
        {
            return (cached, null);
        }

        var key = new ConversationKey(brandId, businessNumber, customer);
        var row = await storage.GetRowAsync(ProjectionCollections.Messages, $"{key}#{seq.ToString("D12", CultureInfo.InvariantCulture)}", cancellationToken);
        var entry = row is null ? null : JsonSerializer.Deserialize<TranscriptEntry>(row.Body, GrainJson.Options);
        if (entry is not { Direction: TranscriptEntry.Inbound } || index >= entry.Attachments.Count)
        {
            return (null, ApiProblems.NotFound($"Media '{mediaId}'"));
        }

        var attachment = entry.Attachments[index];
        var number = await grains.GetGrain<IPhoneNumberGrain>(businessNumber).GetAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(FetchTimeout);
        try
        {
            return number.Provider switch
            {
                ChannelProvider.Meta when attachment.MediaId is { Length: > 0 } => await FetchMetaAsync(brandId, mediaId, businessNumber, attachment, timeout.Token),
                ChannelProvider.Twilio when attachment.Url is { Length: > 0 } => await FetchTwilioAsync(brandId, mediaId, attachment, timeout.Token),
                _ => (null, ApiProblems.Of(StatusCodes.Status422UnprocessableEntity, "media_not_fetchable",
                    "This attachment is not held by Twilio or Meta (a sandbox attachment is the customer's own URL), so it is not fetched.", "mediaId")),
            };
        }
        catch (Exception failure) when (failure is HttpRequestException || (failure is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Unavailable(brandId, mediaId, failure is HttpRequestException http ? http.HttpRequestError.ToString() : "timed out");
        }
    }

    private async Task<(StoredMedia?, ProblemHttpResult?)> FetchTwilioAsync(string brandId, string mediaId, MessageAttachment attachment, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(attachment.Url, UriKind.Absolute, out var url) || !hosts.IsTwilio(url))
        {
            return Refused(brandId, mediaId, url?.Host ?? attachment.Url!);
        }

        if (await grains.GetGrain<IBrandGrain>(brandId).GetTwilioCredentialsAsync() is not { } account)
        {
            return Unavailable(brandId, mediaId, "the brand has no Twilio account any more");
        }

        // Basic auth goes to the first hop only (Twilio's API); its redirect to the CDN is pre-signed.
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{account.AccountId}:{Secrets.Unprotect(account.ProtectedSecret)}")));
        return await DownloadAsync(brandId, mediaId, attachment, url, hosts.IsTwilio, hop => hop == 0 ? basic : null, cancellationToken);
    }

    private async Task<(StoredMedia?, ProblemHttpResult?)> FetchMetaAsync(
        string brandId, string mediaId, string businessNumber, MessageAttachment attachment, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<IBrandGrain>(brandId).FindMetaAccountAsync(businessNumber) is not { } account)
        {
            return Unavailable(brandId, mediaId, $"number {businessNumber} is no longer connected to Meta for this brand");
        }

        var token = Secrets.Unprotect(account.ProtectedSecret);
        var client = new MetaMediaClient(http.Client, new MetaClientOptions { GraphBaseUrl = new Uri(meta.GraphBaseUrl), GraphApiVersion = meta.GraphApiVersion });
        var (info, failure) = await client.GetMediaAsync(attachment.MediaId!, token, cancellationToken);
        if (info is null)
        {
            return Unavailable(brandId, mediaId, failure switch
            {
                MetaSendFailed failed => failed.Reason,
                MetaSendRetryable retry => retry.Reason,
                _ => "no download URL",
            });
        }

        if (info.FileSize > options.MaxInboundBytes)
        {
            return (null, TooLarge(info.FileSize.Value));
        }

        var bearer = new AuthenticationHeaderValue("Bearer", token);
        return await DownloadAsync(brandId, mediaId, attachment with { ContentType = attachment.ContentType ?? info.MimeType }, info.Url, hosts.IsMeta, _ => bearer, cancellationToken);
    }

    private async Task<(StoredMedia?, ProblemHttpResult?)> DownloadAsync(
        string brandId, string mediaId, MessageAttachment attachment, Uri url, Func<Uri, bool> allowed,
        Func<int, AuthenticationHeaderValue?> authorization, CancellationToken cancellationToken)
    {
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            if (!allowed(url))
            {
                return Refused(brandId, mediaId, url.Host);
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = authorization(hop);
            using var response = await http.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                url = new Uri(url, location);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                return Unavailable(brandId, mediaId, $"HTTP {(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentLength > options.MaxInboundBytes)
            {
                return (null, TooLarge(response.Content.Headers.ContentLength.Value));
            }

            var contentType = attachment.ContentType ?? response.Content.Headers.ContentType?.ToString() ?? MediaSniffer.Unknown;
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var saved = await store.SaveAsync(new NewMedia(brandId, mediaId, contentType, attachment.FileName, MediaOrigins.Inbound), body, options.MaxInboundBytes, cancellationToken);
            if (saved.TooLarge)
            {
                return (null, TooLarge(saved.Consumed));
            }

            Log.Fetched(logger, brandId, mediaId, saved.Media!.Size);
            return (saved.Media, null);
        }

        return Unavailable(brandId, mediaId, $"more than {MaxRedirects} redirects");
    }

    private ProblemHttpResult TooLarge(long size) => MediaProblems.Rejected(new MediaRejection("size", size, string.Create(CultureInfo.InvariantCulture,
        $"The media is {size:N0} bytes or more; at most {options.MaxInboundBytes:N0} bytes are fetched from a provider.")));

    private (StoredMedia?, ProblemHttpResult?) Refused(string brandId, string mediaId, string host)
    {
        Log.HostRefused(logger, brandId, mediaId, host);
        return (null, ApiProblems.Of(StatusCodes.Status422UnprocessableEntity, "media_host_not_allowed",
            $"The media's URL is on '{host}', which is not a host of the provider; only the provider's own hosts are fetched.", "url"));
    }

    private (StoredMedia?, ProblemHttpResult?) Unavailable(string brandId, string mediaId, string reason)
    {
        Log.FetchFailed(logger, brandId, mediaId, reason);
        return (null, ApiProblems.Of(StatusCodes.Status502BadGateway, "media_unavailable", $"The provider did not hand over the media ({reason}); try again later.", "mediaId"));
    }

    // Resolved on first use: the protector's key ring is read through the grain host.
    private ISecretProtector Secrets => services.GetRequiredService<ISecretProtector>();
}
