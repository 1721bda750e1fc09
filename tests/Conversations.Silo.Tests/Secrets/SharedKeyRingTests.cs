using System.Security.Cryptography;
using System.Xml.Linq;
using Conversations.Grains.Secrets;
using Conversations.Runtime.Storage;
using Conversations.Silo.Secrets;
using Conversations.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conversations.Silo.Tests.Secrets;

/// <summary>Two nodes on one PostgreSQL database share the key ring; the master key decides who may read it.</summary>
[Collection(SecretsPostgresCollectionDefinition.Name)]
public sealed class SharedKeyRingTests(PostgresFixture postgres)
{
    // A Twilio auth token: 32 hex digits.
    private const string AuthToken = "9f86d081884c7d659a2feaa0c55ad015";

    [Fact]
    public async Task SecretWrittenByOneNodeIsReadByAnother()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var key = NewMasterKey();
        await using var first = await StartNodeAsync(database, key);
        await using var second = await StartNodeAsync(database, key);

        var written = Protector(first).Protect(AuthToken);
        var writtenBySecond = Protector(second).Protect(AuthToken);

        Assert.Equal(AuthToken, Protector(second).Unprotect(written));
        Assert.Equal(AuthToken, Protector(first).Unprotect(writtenBySecond));
        Assert.DoesNotContain(AuthToken, written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NodeWithAnotherMasterKeyRefusesToStartNamingTheSetting()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using (var first = await StartNodeAsync(database, NewMasterKey()))
        {
            _ = Protector(first).Protect(AuthToken);
        }

        var otherKey = NewMasterKey();
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartNodeAsync(database, otherKey));

        var message = Assert.Single(failure.Failures);
        Assert.StartsWith("Conversations:MasterKey", message, StringComparison.Ordinal);
        Assert.DoesNotContain(otherKey, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyRingRowsHoldNeitherTheSecretNorTheRawKeyMaterial()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var key = NewMasterKey();
        await using var node = await StartNodeAsync(database, key);
        var protectedToken = Protector(node).Protect(AuthToken);

        var rows = await node.Services.GetRequiredService<IGrainStorage>()
            .ListRowsAsync(KeyRingRows.Collection, KeyRingRows.Partition, null, 100, CancellationToken.None);

        var row = Assert.Single(rows, r => r.Body.Contains("<key ", StringComparison.Ordinal));
        Assert.DoesNotContain(AuthToken, row.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(protectedToken, row.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(key, row.Body, StringComparison.Ordinal);
        var element = XElement.Parse(row.Body);
        Assert.DoesNotContain(element.Descendants(), e => e.Name.LocalName is "masterKey" or "value");
        var encrypted = Assert.Single(element.Descendants(MasterKeyCipher.EncryptedKey));
        Assert.Equal("AES-256-GCM", (string?)encrypted.Attribute("algorithm"));

        // The sealed element is the real key: it decrypts, with this master key, to Data Protection's key material.
        var clear = node.Services.GetRequiredService<MasterKeyCipher>().Decrypt(encrypted);
        Assert.Contains(clear.DescendantsAndSelf(), e => e.Name.LocalName == "masterKey");
    }

    [Fact]
    public async Task PostgresWithoutMasterKeyIsRefusedNamingTheSetting()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningSilo.StartAsync(new Dictionary<string, string?>
        {
            ["Conversations:Storage"] = "postgres",
            ["ConnectionStrings:Conversations"] = "Host=127.0.0.1;Database=unused",
            ["Conversations:MasterKey"] = null,
        }));

        var message = Assert.Single(failure.Failures);
        Assert.StartsWith("Conversations:MasterKey", message, StringComparison.Ordinal);
    }

    private static Task<RunningSilo> StartNodeAsync(string database, string masterKey) =>
        RunningSilo.StartAsync(new Dictionary<string, string?>
        {
            ["Conversations:Storage"] = "postgres",
            ["ConnectionStrings:Conversations"] = database,
            ["Conversations:MasterKey"] = masterKey,
        });

    private static ISecretProtector Protector(RunningSilo silo) => silo.Services.GetRequiredService<ISecretProtector>();

    private static string NewMasterKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
