namespace Conversations.Domain.Surveys;

/// <summary>Where a two-way survey session stands. Only <see cref="Active"/> ever sends again.</summary>
public enum SurveySessionStatus
{
    Active,
    Completed,

    /// <summary>The customer-service window closed before the last answer.</summary>
    Expired,

    /// <summary>The customer opted out (STOP and the like) during the session.</summary>
    OptedOut,
}
