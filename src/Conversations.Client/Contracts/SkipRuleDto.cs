namespace Conversations.Client.Contracts;

/// <summary>
/// "If the answer is <see cref="Answer"/>, go to <see cref="GoTo"/>": a later question's id, or
/// <c>end</c>. The answer is read as a customer's reply would be (an option's number or text; a number).
/// </summary>
public sealed record SkipRuleDto(string? Answer, string? GoTo);
