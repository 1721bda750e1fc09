using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Conversations.Silo.Secrets;

/// <summary>
/// AES-256-GCM under the master key, for the Data Protection key elements: a fresh 96-bit nonce per
/// element, the 128-bit tag, and a fixed associated data string that ties the ciphertext to this use.
/// </summary>
internal sealed class MasterKeyCipher(MasterKeySource source)
{
    public const string Algorithm = "AES-256-GCM";

    public static readonly XNamespace Namespace = "urn:conversations:secrets:v1";

    public static readonly XName EncryptedKey = Namespace + "encryptedKey";

    /// <summary>Deliberately names the setting and never the key.</summary>
    public const string WrongKeyMessage =
        "Conversations:MasterKey does not decrypt the Data Protection key ring in the database: every node must use the key the ring was written with (on the embedded default, the master.key file generated beside the database).";

    private static readonly byte[] AssociatedData = Encoding.UTF8.GetBytes("conversations:dataprotection-key-ring:v1");

    public XElement Encrypt(XElement plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var clear = Encoding.UTF8.GetBytes(plaintext.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[AesGcm.NonceByteSizes.MaxSize + AesGcm.TagByteSizes.MaxSize + clear.Length];
        var nonce = sealedBytes.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
        var tag = sealedBytes.AsSpan(nonce.Length, AesGcm.TagByteSizes.MaxSize);
        var cipher = sealedBytes.AsSpan(nonce.Length + tag.Length);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(source.Key.Bytes, tag.Length))
        {
            aes.Encrypt(nonce, clear, cipher, tag, AssociatedData);
        }

        CryptographicOperations.ZeroMemory(clear);
        return new XElement(EncryptedKey, new XAttribute("algorithm", Algorithm), Convert.ToBase64String(sealedBytes));
    }

    public XElement Decrypt(XElement encrypted)
    {
        ArgumentNullException.ThrowIfNull(encrypted);
        if (encrypted.Name != EncryptedKey || (string?)encrypted.Attribute("algorithm") != Algorithm)
        {
            throw new CryptographicException($"A key ring element is not an {Algorithm} encrypted key of this runtime.");
        }

        var sealedBytes = Convert.FromBase64String(encrypted.Value);
        var headerLength = AesGcm.NonceByteSizes.MaxSize + AesGcm.TagByteSizes.MaxSize;
        if (sealedBytes.Length < headerLength)
        {
            throw new CryptographicException("A key ring element is truncated.");
        }

        var nonce = sealedBytes.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
        var tag = sealedBytes.AsSpan(nonce.Length, AesGcm.TagByteSizes.MaxSize);
        var cipher = sealedBytes.AsSpan(headerLength);
        var clear = new byte[cipher.Length];
        try
        {
            using var aes = new AesGcm(source.Key.Bytes, tag.Length);
            aes.Decrypt(nonce, cipher, tag, clear, AssociatedData);
        }
        catch (AuthenticationTagMismatchException mismatch)
        {
            throw new CryptographicException(WrongKeyMessage, mismatch);
        }

        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(clear));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }

    /// <summary>
    /// Throws <see cref="WrongKeyMessage"/> when any encrypted key in <paramref name="elements"/> does not
    /// decrypt. Data Protection itself would skip such a key and generate a new one into the shared
    /// ring, which the other nodes could not read in turn; refusing keeps a misconfigured node out.
    /// </summary>
    public void EnsureDecryptable(IEnumerable<XElement> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        foreach (var encrypted in elements.SelectMany(e => e.DescendantsAndSelf(EncryptedKey)))
        {
            _ = Decrypt(encrypted);
        }
    }
}
