namespace Conversations.Silo.Distributions;

/// <summary>Creates the distribution store's table at start-up, after the grain host prepared the database.</summary>
internal sealed class DistributionStoreStartup(IDistributionStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
