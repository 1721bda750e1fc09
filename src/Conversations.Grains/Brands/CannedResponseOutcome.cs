using Conversations.Domain.Common;

namespace Conversations.Grains.Brands;

/// <summary>The answer to a canned-response command: the response as saved, or why it was refused.</summary>
public sealed record CannedResponseOutcome(Refusal? Refusal, CannedResponseRow? Response)
{
    /// <summary>Another canned response of the brand has the name (ignoring case).</summary>
    public const string NameTaken = "name_taken";

    /// <summary>The brand keeps as many canned responses as it may.</summary>
    public const string LimitReached = "limit_reached";

    public bool IsAccepted => Refusal is null;
}
