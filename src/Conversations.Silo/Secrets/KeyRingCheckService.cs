using System.Security.Cryptography;
using Conversations.Silo.Configuration;
using Microsoft.Extensions.Options;

namespace Conversations.Silo.Secrets;

/// <summary>
/// At start-up, after the grain host: resolves the master key (generating it on the embedded default)
/// and checks that it decrypts the key ring already in the database, so a node configured with
/// another cluster's key refuses to start with one line instead of failing on its first secret.
/// Creates no key: Data Protection does that on first use.
/// </summary>
internal sealed class KeyRingCheckService(MasterKeySource masterKey, GrainXmlRepository repository, MasterKeyCipher cipher) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _ = masterKey.Key;
        var elements = await repository.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cipher.EnsureDecryptable(elements);
        }
        catch (CryptographicException wrongKey)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(ConversationsOptions), [wrongKey.Message]);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
