namespace Conversations.Channels.Meta.Webhooks;

/// <summary>
/// An error object as Meta puts it in webhooks (<c>value.errors[]</c>, <c>messages[].errors[]</c>,
/// <c>statuses[].errors[]</c>). Meta advises handling errors by <see cref="Code"/> and
/// <see cref="Details"/>, not by title.
/// </summary>
/// <param name="Code">The numeric code (e.g. 131051 unsupported type, 131047 outside the window).</param>
/// <param name="Title">The code's title.</param>
/// <param name="Message">The message, when sent.</param>
/// <param name="Details"><c>error_data.details</c> (or a top-level <c>details</c> in older payloads).</param>
public sealed record MetaError(int? Code, string? Title, string? Message, string? Details);
