using System.Text;

namespace Conversations.Grains.Brands;

/// <summary>
/// An account's identifier, its business number, and its secret in protected (encrypted) form.
/// <see cref="ToString"/> leaves the secret out.
/// </summary>
public sealed record ProtectedCredentials(string AccountId, string PhoneNumber, string ProtectedSecret)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("AccountId = ").Append(AccountId).Append(", PhoneNumber = ").Append(PhoneNumber).Append(", ProtectedSecret = ***");
        return true;
    }
}
