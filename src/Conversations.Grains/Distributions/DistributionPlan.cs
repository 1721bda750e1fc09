using Conversations.Domain.Brands;
using Conversations.Domain.Numbers;
using Conversations.Domain.Surveys;

namespace Conversations.Grains.Distributions;

/// <summary>
/// What a distribution sends, fixed when it is created: its kind (<c>link</c> or <c>two_way</c>), the
/// survey as it was then (a copy: later edits do not change a running distribution), the business
/// number and its provider, the invitation template with its parameters (fields filled per
/// recipient), where the recipients came from, how many were written for it, and when to start.
/// </summary>
public sealed record DistributionPlan(
    string DistributionId,
    string Kind,
    string SurveyId,
    SurveyDefinition Survey,
    string BusinessNumber,
    ChannelProvider Provider,
    MessageTemplate Template,
    IReadOnlyList<string> Parameters,
    string? List,
    long Recipients,
    DateTimeOffset? SendAt,
    DateTimeOffset CreatedAt);
