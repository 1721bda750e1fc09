namespace Conversations.Domain.Conversations;

/// <summary>A chat's lifecycle: waiting → active or missed; missed → active or closed; active → closed.</summary>
public enum ChatStatus
{
    Waiting,
    Active,
    Missed,
    Closed,
}
