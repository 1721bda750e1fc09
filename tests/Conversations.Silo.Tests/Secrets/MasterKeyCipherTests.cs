using System.Security.Cryptography;
using System.Xml.Linq;
using Conversations.Silo.Configuration;
using Conversations.Silo.Secrets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Conversations.Silo.Tests.Secrets;

/// <summary>The key ring encryption on its own: what a node with the wrong master key sees, even for a key created after it started.</summary>
public sealed class MasterKeyCipherTests
{
    private static readonly XElement KeyMaterial = XElement.Parse(
        "<descriptor><encryption algorithm=\"AES_256_CBC\" /><masterKey><value>q9fL1mT3lG0u3xQ7Z2o0bW4k8pP5a1vE6yR2cN7hJ0s=</value></masterKey></descriptor>");

    [Fact]
    public void ElementSealedWithOneMasterKeyOpensWithTheSameKeyOnly()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var otherKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var sealedElement = Cipher(key).Encrypt(KeyMaterial);

        Assert.Equal(KeyMaterial.ToString(), Cipher(key).Decrypt(sealedElement).ToString());
        var failure = Assert.Throws<CryptographicException>(() => Cipher(otherKey).Decrypt(sealedElement));
        Assert.Contains("Conversations:MasterKey", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(otherKey, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SealedElementHidesTheKeyMaterial()
    {
        var sealedElement = Cipher(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Encrypt(KeyMaterial);

        Assert.DoesNotContain("q9fL1mT3", sealedElement.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", sealedElement.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RingWithAKeyFromAnotherMasterKeyIsRefusedAsAWhole()
    {
        var ring = new[]
        {
            new XElement("key", Cipher(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Encrypt(KeyMaterial)),
        };

        var failure = Assert.Throws<CryptographicException>(() => Cipher(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).EnsureDecryptable(ring));
        Assert.Contains("Conversations:MasterKey", failure.Message, StringComparison.Ordinal);
    }

    private static MasterKeyCipher Cipher(string masterKey) =>
        new(new MasterKeySource(Options.Create(new ConversationsOptions { MasterKey = masterKey }), NullLogger<MasterKeySource>.Instance));
}
