namespace Conversations.Silo.Secrets;

/// <summary>
/// Encrypts provider secrets (Twilio auth tokens, Meta access tokens) for storage, with ASP.NET Core
/// Data Protection (purpose <see cref="Purpose"/>) and a key ring every node of the cluster shares.
/// What <see cref="Protect"/> returns is safe to store; the plaintext must never be stored, returned
/// or logged. Errors never contain the secret.
/// </summary>
public interface ISecretProtector
{
    /// <summary>The Data Protection purpose: a new version means a new purpose, never reusing this one.</summary>
    const string Purpose = "Conversations.ProviderSecrets.v1";

    /// <summary>The protected form of <paramref name="plaintext"/>: URL-safe text, different on every call.</summary>
    string Protect(string plaintext);

    /// <summary>
    /// The plaintext of a value from <see cref="Protect"/> on any node; throws a
    /// <see cref="System.Security.Cryptography.CryptographicException"/> when it was tampered with or
    /// when the node's master key cannot decrypt the key ring.
    /// </summary>
    string Unprotect(string protectedText);
}
