namespace Conversations.Silo.Access;

/// <summary>Who is calling: the root admin key, or a key of one brand with its roles.</summary>
public sealed record Caller(bool IsRoot, string? BrandId, string? KeyId, IReadOnlyList<string> Roles)
{
    public static Caller Root { get; } = new(true, null, null, Access.Roles.All);

    public bool Has(string role) => IsRoot || Roles.Contains(role, StringComparer.Ordinal);
}
