namespace Conversations.Silo.Access;

/// <summary>Endpoint metadata: who may call the route (<c>root</c> and brand roles), for the role table and its test.</summary>
public sealed record AllowedRoles(IReadOnlyList<string> Roles);
