namespace Conversations.Silo.Secrets;

/// <summary>Encrypts provider secrets for storage and decrypts them for use; never logs them.</summary>
public interface ISecretProtector
{
    string Protect(string plaintext);

    string Unprotect(string protectedText);
}
