using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Benchmarks.Webhooks;

/// <summary>Starting a <see cref="WebApplication"/> on a free loopback port, and the logging the deployed silo uses.</summary>
internal static class LoopbackApp
{
    /// <summary><c>--urls</c> for a free loopback port, as the silo's tests start it.</summary>
    public static readonly string[] Args = ["--urls", "http://127.0.0.1:0"];

    /// <summary>The log levels of <c>silo-config/appsettings.Production.json</c>.</summary>
    public static readonly Dictionary<string, string?> ProductionLogging = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    /// <summary>Starts <paramref name="app"/> and returns the address Kestrel bound.</summary>
    public static async Task<Uri> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        return new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }
}
