namespace Conversations.Domain.Common;

/// <summary>
/// A rule said no. <see cref="Code"/> is stable (clients branch on it and it becomes the
/// problem type <c>urn:conversations:problem:{code}</c>); <see cref="Message"/> is a sentence a
/// person understands; <see cref="Field"/> names the offending input when there is one.
/// </summary>
public sealed record Refusal(string Code, string Message, string? Field = null);
