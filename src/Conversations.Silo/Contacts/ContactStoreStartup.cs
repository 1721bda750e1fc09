namespace Conversations.Silo.Contacts;

/// <summary>Creates the contact store's tables at start-up, after the grain host prepared the database.</summary>
internal sealed class ContactStoreStartup(IContactStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
