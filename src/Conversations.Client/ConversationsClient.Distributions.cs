using System.Net.Http.Headers;
using Conversations.Client.Contracts;

namespace Conversations.Client;

public sealed partial class ConversationsClient
{
    /// <summary><c>POST /api/brands/{brandId}/distributions</c> (admin, distribute): creates and starts (or schedules) a survey distribution.</summary>
    /// <exception cref="ConversationsApiException">
    /// 400 naming the field; 404 for a business number not the brand's; 422 <c>survey_not_found</c>, <c>survey_has_no_link</c>,
    /// <c>survey_has_no_questions</c>, <c>template_not_found</c>, <c>template_not_approved</c>, <c>list_not_found</c>.
    /// </exception>
    public Task<DistributionCreated> CreateDistributionAsync(
        string brandId, DistributionRequest distribution, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return PostAsync<DistributionCreated>($"{Brand(brandId)}/distributions", distribution, idempotencyKey, cancellationToken);
    }

    /// <summary><c>POST /api/brands/{brandId}/distributions/preview</c> (admin, distribute): recipients by country, exclusions, total price and available credit — nothing sent.</summary>
    public Task<DistributionPreview> PreviewDistributionAsync(string brandId, DistributionRequest distribution, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return PostAsync<DistributionPreview>($"{Brand(brandId)}/distributions/preview", distribution, null, cancellationToken);
    }

    /// <summary><c>GET /api/brands/{brandId}/distributions</c> (admin, distribute): past and running distributions, newest first, with their counts.</summary>
    public Task<DistributionPage> ListDistributionsAsync(string brandId, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default) =>
        GetAsync<DistributionPage>($"{Brand(brandId)}/distributions{Query(("cursor", cursor), ("limit", Number(limit)))}", cancellationToken);

    /// <summary><c>GET /api/brands/{brandId}/distributions/{id}</c> (admin, distribute): the distribution and a page of its recipients by phone.</summary>
    public Task<DistributionDetail> GetDistributionAsync(
        string brandId, string distributionId, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default) =>
        GetAsync<DistributionDetail>($"{Brand(brandId)}/distributions/{Segment(distributionId)}{Query(("cursor", cursor), ("limit", Number(limit)))}", cancellationToken);

    /// <summary><c>GET /api/brands/{brandId}/distributions/{id}/responses</c> (admin, distribute): a page of two-way answers by respondent.</summary>
    public Task<SurveyResponsePage> ListSurveyResponsesAsync(
        string brandId, string distributionId, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default) =>
        GetAsync<SurveyResponsePage>($"{Brand(brandId)}/distributions/{Segment(distributionId)}/responses{Query(("cursor", cursor), ("limit", Number(limit)))}", cancellationToken);

    /// <summary>The same answers as CSV (<c>Accept: text/csv</c>): one row per respondent, one column per question.</summary>
    public async Task<string> GetSurveyResponsesCsvAsync(string brandId, string distributionId, CancellationToken cancellationToken = default)
    {
        using var request = NewRequest(HttpMethod.Get, $"{Brand(brandId)}/distributions/{Segment(distributionId)}/responses", null);
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>POST /api/brands/{brandId}/distributions/{id}/cancel</c> (admin, distribute): stops what has not been sent.</summary>
    public Task<DistributionView> CancelDistributionAsync(string brandId, string distributionId, CancellationToken cancellationToken = default) =>
        PostAsync<DistributionView>($"{Brand(brandId)}/distributions/{Segment(distributionId)}/cancel", null, null, cancellationToken);
}
