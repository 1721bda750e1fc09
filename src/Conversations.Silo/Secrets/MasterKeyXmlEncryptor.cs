using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Conversations.Silo.Secrets;

/// <summary>Encrypts each Data Protection key element with the master key before it reaches the database.</summary>
internal sealed class MasterKeyXmlEncryptor(MasterKeyCipher cipher) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(cipher.Encrypt(plaintextElement), typeof(MasterKeyXmlDecryptor));
}
