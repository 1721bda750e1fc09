using Microsoft.AspNetCore.DataProtection;

namespace Conversations.Silo.Secrets;

/// <summary>
/// <see cref="ISecretProtector"/> on Data Protection. The key ring is first read when a secret is
/// first protected or unprotected (or by Data Protection's own start-up preload), both after the
/// grain host started: the ring lives in the grain storage.
/// </summary>
internal sealed class SecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector(ISecretProtector.Purpose);

    public string Protect(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        return _protector.Protect(plaintext);
    }

    public string Unprotect(string protectedText)
    {
        ArgumentException.ThrowIfNullOrEmpty(protectedText);
        return _protector.Unprotect(protectedText);
    }
}
