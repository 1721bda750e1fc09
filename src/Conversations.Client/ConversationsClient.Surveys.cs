using Conversations.Client.Contracts;

namespace Conversations.Client;

public sealed partial class ConversationsClient
{
    /// <summary>
    /// <c>PUT /api/brands/{brandId}/surveys/{surveyId}</c> (admin, distribute): creates (201) or replaces (200) a survey definition.
    /// </summary>
    /// <exception cref="ConversationsApiException">
    /// 400 <c>invalid_survey</c> naming the field (e.g. <c>questions[2].skip[0].goTo</c>) and the question;
    /// 422 <c>limit_reached</c> at 500 surveys.
    /// </exception>
    public Task<SurveyView> PutSurveyAsync(string brandId, string surveyId, SurveyRequest survey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(survey);
        return PutAsync<SurveyView>($"{Brand(brandId)}/surveys/{Segment(surveyId)}", survey, cancellationToken);
    }

    /// <summary><c>GET /api/brands/{brandId}/surveys/{surveyId}</c> (admin, distribute); 404 when the brand has no such survey.</summary>
    public Task<SurveyView> GetSurveyAsync(string brandId, string surveyId, CancellationToken cancellationToken = default) =>
        GetAsync<SurveyView>($"{Brand(brandId)}/surveys/{Segment(surveyId)}", cancellationToken);

    /// <summary><c>GET /api/brands/{brandId}/surveys</c> (admin, distribute): all the brand's surveys, by id.</summary>
    public Task<IReadOnlyList<SurveyView>> ListSurveysAsync(string brandId, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<SurveyView>>($"{Brand(brandId)}/surveys", cancellationToken);

    /// <summary><c>DELETE /api/brands/{brandId}/surveys/{surveyId}</c> (admin, distribute); 404 when unknown.</summary>
    public Task DeleteSurveyAsync(string brandId, string surveyId, CancellationToken cancellationToken = default) =>
        DeleteAsync($"{Brand(brandId)}/surveys/{Segment(surveyId)}", cancellationToken);
}
