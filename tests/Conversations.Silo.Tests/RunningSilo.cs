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

    public static async Task<RunningSilo> StartAsync(IDictionary<string, string?>? settings = null)
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
                foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
                {
                    defaults[key] = value;
                }

                builder.Configuration.AddInMemoryCollection(defaults);
            });
        await app.StartAsync();
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
