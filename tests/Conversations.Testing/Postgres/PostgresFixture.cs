using Xunit;

namespace Conversations.Testing.Postgres;

/// <summary>
/// One private PostgreSQL server per test collection, for use as
/// <c>ICollectionFixture&lt;PostgresFixture&gt;</c>. Test classes call
/// <see cref="PostgresServer.CreateDatabaseAsync"/> for an isolated database on the shared server.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    /// <summary>The running server; available once xunit has initialised the fixture.</summary>
    public PostgresServer Server =>
        _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not been initialised yet.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
