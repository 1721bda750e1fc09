using Conversations.Silo.Configuration;
using Conversations.Silo.Secrets;
using Conversations.Silo.Sending;
using Microsoft.Extensions.Options;

namespace Conversations.Silo.Media;

/// <summary>Composes media: the store of the configured storage, the inbound fetcher, the link signer, the send-side helper and the retention sweep of uploads.</summary>
internal static class MediaRegistration
{
    /// <summary>Call after <c>AddGrainHost</c>: the store's tables are created once the grain host made the database ready.</summary>
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IMediaStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ConversationsOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return options.Storage == StorageKinds.Postgres
                ? new PostgresMediaStore(options.ConnectionString!, time)
                : new SqliteMediaStore(options.ConnectionString!, Path.GetDirectoryName(MasterKeySource.KeyFilePath(options.ConnectionString))!, time);
        });
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MediaOptions>>().Value);
        services.AddSingleton<MediaHttp>();
        services.AddSingleton(sp => new ProviderHosts(
            sp.GetRequiredService<IOptions<TwilioOptions>>().Value, sp.GetRequiredService<IOptions<MetaOptions>>().Value));
        services.AddSingleton(sp => new InboundMediaFetcher(
            sp.GetRequiredService<Runtime.Storage.IGrainStorage>(), sp.GetRequiredService<Runtime.Grains.IGrainFactory>(), sp.GetRequiredService<IMediaStore>(),
            sp, sp.GetRequiredService<MediaHttp>(), sp.GetRequiredService<ProviderHosts>(), sp.GetRequiredService<IOptions<MetaOptions>>().Value,
            sp.GetRequiredService<MediaOptions>(), sp.GetRequiredService<ILogger<InboundMediaFetcher>>()));
        services.AddSingleton(sp => new MediaUrlSigner(sp.GetRequiredService<MasterKeySource>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<MediaOptions>()));
        services.AddSingleton(sp => new OutboundMedia(
            sp.GetRequiredService<IMediaStore>(), sp.GetRequiredService<MediaUrlSigner>(), sp.GetRequiredService<MediaHttp>(),
            sp.GetRequiredService<IOptions<ConversationsOptions>>().Value, sp.GetRequiredService<IOptions<MetaOptions>>().Value));
        services.AddHostedService<MediaStoreStartup>();
        services.AddHostedService(sp => new MediaRetentionSweep(
            sp.GetRequiredService<IMediaStore>(), sp.GetRequiredService<Runtime.Grains.IGrainFactory>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<MediaOptions>(), sp.GetRequiredService<ILogger<MediaRetentionSweep>>()));
        return services;
    }
}
