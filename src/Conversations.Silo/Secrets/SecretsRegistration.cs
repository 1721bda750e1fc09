using Conversations.Runtime.Hosting;
using Conversations.Runtime.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Conversations.Silo.Secrets;

/// <summary>Composes encryption at rest of provider secrets: Data Protection with its key ring in the grain storage, encrypted by the master key.</summary>
internal static class SecretsRegistration
{
    public const string ApplicationName = "conversations";

    /// <summary>Call after <c>AddGrainHost</c>: hosted services start in order, and the key ring needs the grain host running.</summary>
    public static IServiceCollection AddSecrets(this IServiceCollection services)
    {
        services.AddSingleton<MasterKeySource>();
        services.AddSingleton<MasterKeyCipher>();
        services.AddSingleton(sp => new GrainXmlRepository(
            sp.GetRequiredService<IGrainStorage>(), sp.GetRequiredService<GrainRuntime>(), sp.GetRequiredService<MasterKeyCipher>()));
        services.AddHostedService<KeyRingCheckService>();
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<GrainXmlRepository, MasterKeyCipher>((options, repository, cipher) =>
        {
            options.XmlRepository = repository;
            options.XmlEncryptor = new MasterKeyXmlEncryptor(cipher);
        });
        services.AddSingleton<ISecretProtector, SecretProtector>();
        return services;
    }
}
