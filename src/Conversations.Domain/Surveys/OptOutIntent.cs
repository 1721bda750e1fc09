namespace Conversations.Domain.Surveys;

/// <summary>What a customer's message says about receiving distributions.</summary>
public enum OptOutIntent
{
    None,
    OptOut,
    OptIn,
}
