using System.Globalization;
using System.Text.Json;
using Conversations.Domain.Common;
using Conversations.Domain.Surveys;

namespace Conversations.Grains.Brands;

/// <summary>
/// The Brand grain's survey definitions. Like canned responses, a definition (up to a hundred
/// questions) is a row of the <c>surveys</c> projection, not grain state, which is rewritten on every
/// credit reservation; the grain keeps only each id's creation time, to count the brand's surveys and
/// tell a create from a replace in one turn.
/// </summary>
internal sealed partial class BrandGrain
{
    public const string SurveysCollection = ProjectionCollections.Surveys;

    /// <summary>How many surveys one brand may keep.</summary>
    public const int MaxSurveys = 500;

    public Task<SurveyOutcome> PutSurveyAsync(string surveyId, SurveyDefinition survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        if (!SurveyRules.IsValidId(surveyId))
        {
            return Task.FromResult(new SurveyOutcome(
                new Refusal(RefusalCodes.InvalidFormat, $"surveyId '{surveyId}' must be 1 to 64 letters, digits, '_' or '-'.", "surveyId"), null, false));
        }

        if (SurveyRules.Validate(survey) is { } invalid)
        {
            return Task.FromResult(new SurveyOutcome(invalid, null, false));
        }

        var exists = State.Surveys.TryGetValue(surveyId, out var createdAt);
        if (!exists && State.Surveys.Count >= MaxSurveys)
        {
            return Task.FromResult(new SurveyOutcome(new Refusal(
                SurveyOutcome.LimitReached,
                string.Create(CultureInfo.InvariantCulture, $"A brand keeps at most {MaxSurveys:N0} surveys; delete one first."),
                null), null, false));
        }

        var row = new SurveyRow(surveyId, Id.Key, survey, exists ? createdAt : Now, Now);
        State = State with { Surveys = State.Surveys.SetItem(surveyId, row.CreatedAt) };
        UpsertRow(SurveysCollection, SurveyRow.RowKey(Id.Key, surveyId), Id.Key, surveyId, JsonSerializer.Serialize(row, GrainJson.Options));
        return Task.FromResult(new SurveyOutcome(null, row, !exists));
    }

    public async Task<SurveyDefinition?> GetSurveyAsync(string surveyId)
    {
        if (!State.Surveys.ContainsKey(surveyId))
        {
            return null;
        }

        // The row is committed with the state that lists its id, so a listed id always has its row.
        var row = await _rows.GetRowAsync(SurveysCollection, SurveyRow.RowKey(Id.Key, surveyId), CancellationToken.None);
        return row is null ? null : JsonSerializer.Deserialize<SurveyRow>(row.Body, GrainJson.Options)!.Survey;
    }

    public Task<bool> DeleteSurveyAsync(string surveyId)
    {
        if (!State.Surveys.ContainsKey(surveyId))
        {
            return Task.FromResult(false);
        }

        State = State with { Surveys = State.Surveys.Remove(surveyId) };
        DeleteRow(SurveysCollection, SurveyRow.RowKey(Id.Key, surveyId));
        return Task.FromResult(true);
    }
}
