using System.Text;

namespace Conversations.Grains.Brands;

/// <summary>
/// Where a brand's exports go: the URL (none when <see langword="null"/>) and the signing secret in
/// protected (encrypted) form. <see cref="ToString"/> leaves the secret out.
/// </summary>
public sealed record OutgoingWebhook(string? Url, string? ProtectedSecret)
{
    public bool HasSecret => ProtectedSecret is not null;

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Url = ").Append(Url).Append(", ProtectedSecret = ").Append(HasSecret ? "***" : "null");
        return true;
    }
}
