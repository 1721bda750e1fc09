namespace Conversations.Client.Contracts;

/// <summary>
/// The lead of a <c>crm</c> export: the customer's profile name, number and/or user id, the
/// conversation's tags (empty when none), its department (an operator's choice, else the business
/// number's), and the business number.
/// </summary>
public sealed record ExportLead(string? Name, string? Number, string? UserId, IReadOnlyList<string> Tags, string? Department, string BusinessNumber);
