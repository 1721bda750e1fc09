using Conversations.Runtime.Hosting;

namespace Conversations.Silo.Hosting;

/// <summary>Starts the grain host with the web host (schema migrated first) and stops it gracefully, draining in-flight turns.</summary>
internal sealed class GrainHostService(GrainRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runtime.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync();
}
