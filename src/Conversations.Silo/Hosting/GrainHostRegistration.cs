using Conversations.Grains;
using Conversations.Runtime.Hosting;
using Conversations.Runtime.Storage;
using Conversations.Runtime.Storage.Postgres;
using Conversations.Runtime.Storage.Sqlite;
using Conversations.Silo.Configuration;
using Conversations.Silo.Contacts;
using Conversations.Silo.Conversations;
using Conversations.Silo.Distributions;
using Conversations.Silo.Events;
using Conversations.Silo.Exports;
using Conversations.Silo.Media;
using Conversations.Silo.Sending;
using Microsoft.Extensions.Options;

namespace Conversations.Silo.Hosting;

/// <summary>Composes the grain host: storage by <c>Conversations:Storage</c>, tuning from <c>Conversations:Runtime</c>, and the brand, number and conversation grains.</summary>
internal static class GrainHostRegistration
{
    /// <summary>One connection pool for the providers' REST APIs, recycled so DNS changes are seen.</summary>
    private static readonly HttpClient ProviderHttp = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) });

    public static IServiceCollection AddGrainHost(this IServiceCollection services)
    {
        services.AddOptions<GrainRuntimeOptions>().BindConfiguration($"{ConversationsOptions.Section}:Runtime");
        services.AddSingleton<IGrainStorage>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ConversationsOptions>>().Value;
            return options.Storage == StorageKinds.Postgres
                ? new PostgresGrainStorage(options.ConnectionString!)
                : new SqliteGrainStorage(options.ConnectionString!);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GrainRuntimeOptions>>().Value;
            var storage = sp.GetRequiredService<IGrainStorage>();
            if (storage.IsShared && !sp.GetRequiredService<IConfiguration>().GetSection($"{ConversationsOptions.Section}:Runtime:CommitWriters").Exists())
            {
                options.CommitWriters = 6; // PostgreSQL takes concurrent writers (6 measured best: BENCHMARKS §4); SQLite has one.
            }

            var runtime = new GrainRuntime(storage, sp.GetRequiredService<TimeProvider>(), options, sp.GetRequiredService<ILoggerFactory>())
                .AddConversationGrains();
            runtime.Outbox.AddHandler(new OutboundSendHandler(
                runtime, sp, ProviderHttp, sp.GetRequiredService<IOptions<ConversationsOptions>>().Value,
                sp.GetRequiredService<IOptions<MetaOptions>>().Value, sp.GetRequiredService<IOptions<TwilioOptions>>().Value,
                sp.GetRequiredService<TimeProvider>()));
            runtime.Outbox.AddHandler(new EventsOutboxHandler(
                runtime, storage, sp.GetRequiredService<EventFeeds>(), sp.GetRequiredService<ErasureScrubber>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<EventsOutboxHandler>()));
            runtime.Outbox.AddHandler(new ExportDeliveryHandler(
                runtime, storage, sp, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ExportDeliveryHandler>>()));
            runtime.Outbox.AddHandler(new MediaPurgeHandler(sp));
            runtime.Outbox.AddHandler(new DistributionRunHandler(
                runtime, sp, sp.GetRequiredService<IOptions<ConversationsOptions>>().Value.PublicBaseUrl, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<DistributionRunHandler>>()));
            runtime.Outbox.AddHandler(new DistributionProgressHandler(sp));
            runtime.Outbox.AddHandler(new ContactOptOutHandler(sp));
            return runtime;
        });
        services.AddHostedService<GrainHostService>();
        services.AddSingleton<ErasureScrubber>();
        services.AddHostedService(sp => sp.GetRequiredService<ErasureScrubber>());
        return services;
    }
}
