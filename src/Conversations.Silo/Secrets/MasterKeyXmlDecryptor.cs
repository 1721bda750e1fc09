using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Conversations.Silo.Secrets;

/// <summary>
/// Decrypts key elements written by <see cref="MasterKeyXmlEncryptor"/>. Data Protection creates it
/// by the type name stored in the element, through this constructor.
/// </summary>
internal sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        services.GetRequiredService<MasterKeyCipher>().Decrypt(encryptedElement);
}
