namespace Conversations.Channels.Meta.Outbound;

/// <summary>Refused for good; <see cref="Reason"/> is what the operator is shown.</summary>
/// <param name="Reason">A <see cref="MetaFailureReasons"/> permanent code.</param>
/// <param name="Detail">Meta's message (and <c>error_data.details</c>).</param>
/// <param name="ErrorCode">Meta's <c>error.code</c>, when there was one.</param>
/// <param name="HttpStatus">The HTTP status.</param>
public sealed record MetaSendFailed(
    string Reason,
    string? Detail = null,
    int? ErrorCode = null,
    int? HttpStatus = null) : MetaSendResult;
