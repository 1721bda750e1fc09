namespace Conversations.Silo.Tests;

/// <summary>One silo shared by the tests of a collection: starting Kestrel is the expensive part.</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    private RunningSilo? _silo;

    public RunningSilo Silo => _silo ?? throw new InvalidOperationException("The silo has not started.");

    public async Task InitializeAsync() => _silo = await RunningSilo.StartAsync();

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }
}
