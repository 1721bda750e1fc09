using Conversations.Domain.Common;

namespace Conversations.Grains.Brands;

/// <summary>The answer to <see cref="IBrandGrain.PutSurveyAsync"/>: the survey as saved and whether it is new, or why it was refused.</summary>
public sealed record SurveyOutcome(Refusal? Refusal, SurveyRow? Survey, bool Created)
{
    /// <summary>The brand keeps as many surveys as it may (<see cref="BrandGrain.MaxSurveys"/>).</summary>
    public const string LimitReached = "limit_reached";

    public bool IsAccepted => Refusal is null;
}
