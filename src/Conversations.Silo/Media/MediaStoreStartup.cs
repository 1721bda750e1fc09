namespace Conversations.Silo.Media;

/// <summary>Creates the media store's tables at start-up, after the grain host prepared the database.</summary>
internal sealed class MediaStoreStartup(IMediaStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
