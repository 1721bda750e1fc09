using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Silo.Tests;

/// <summary>A real silo on Kestrel, on a free loopback port, with its own data folder.</summary>
public sealed class RunningSilo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningSilo(WebApplication app, Uri baseAddress, string dataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Client { get; }

    public string DataDirectory { get; }

    /// <summary>The silo's services, for tests of components with no HTTP surface yet.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The master key PostgreSQL silos get unless a test sets its own: a cluster needs one, the same on every node.</summary>
    public const string TestMasterKey = "dGVzdC1tYXN0ZXIta2V5LTMyLWJ5dGVzLWxvbmctISE=";

    /// <summary>Starts a silo; <paramref name="configure"/> may add to the builder after the settings (e.g. a logger provider).</summary>
    public static async Task<RunningSilo> StartAsync(IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("conversations-silo-").FullName;
        var app = SiloApplication.Build(
            ["--urls", "http://127.0.0.1:0"],
            builder =>
            {
                var defaults = new Dictionary<string, string?>
                {
                    ["ConnectionStrings:Conversations"] = $"Data Source={Path.Combine(dataDirectory, "conversations.db")}",
                };
                if (settings is not null && settings.TryGetValue("Conversations:Storage", out var storage) && storage == "postgres")
                {
                    defaults["Conversations:MasterKey"] = TestMasterKey;
                }

                foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
                {
                    defaults[key] = value;
                }

                builder.Configuration.AddInMemoryCollection(defaults);
                configure?.Invoke(builder);
            });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            // A hosted service refused to start: release what the others started (the grain host).
            await app.DisposeAsync();
            Directory.Delete(dataDirectory, recursive: true);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new RunningSilo(app, new Uri(address), dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
