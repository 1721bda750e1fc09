using Conversations.Silo.Configuration;
using Microsoft.Extensions.Options;

namespace Conversations.Silo.Distributions;

/// <summary>Composes distributions: the recipient store of the configured storage, created at start-up after the grain host readied the database.</summary>
internal static class DistributionRegistration
{
    public static IServiceCollection AddDistributions(this IServiceCollection services)
    {
        services.AddSingleton<IDistributionStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ConversationsOptions>>().Value;
            return options.Storage == StorageKinds.Postgres
                ? new PostgresDistributionStore(options.ConnectionString!)
                : new SqliteDistributionStore(options.ConnectionString!);
        });
        services.AddHostedService<DistributionStoreStartup>();
        return services;
    }
}
