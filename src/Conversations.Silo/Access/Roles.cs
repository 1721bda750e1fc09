namespace Conversations.Silo.Access;

/// <summary>The roles a brand key may hold. The root admin key may do everything.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Operator = "operator";

    /// <summary>The brief's "use WhatsApp distribution" permission.</summary>
    public const string Distribute = "distribute";

    public static IReadOnlyList<string> All { get; } = [Admin, Operator, Distribute];

    /// <summary>Any brand key, whatever its roles.</summary>
    public static IReadOnlyList<string> AnyBrandKey { get; } = All;
}
