using System.Net;
using System.Text.Json;
using Conversations.Testing.Postgres;

namespace Conversations.Silo.Tests;

public sealed class ReadinessTests
{
    [Fact]
    public async Task ReadyzAnswers200OnTheEmbeddedDatabaseOnceTheSchemaIsCreated()
    {
        await using var silo = await RunningSilo.StartAsync();

        using var response = await silo.Client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(Path.Combine(silo.DataDirectory, "conversations.db")));
    }

    [Fact]
    public async Task ReadyzFollowsPostgresGoingDownAndComingBackWhileHealthzStaysUp()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync();
        await using var silo = await RunningSilo.StartAsync(new Dictionary<string, string?>
        {
            ["Conversations:Storage"] = "postgres",
            ["ConnectionStrings:Conversations"] = database,
        });

        using (var up = await silo.Client.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        }

        await postgres.KillAsync();
        using (var down = await silo.Client.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            using var problem = JsonDocument.Parse(await down.Content.ReadAsStringAsync());
            Assert.Equal("urn:conversations:problem:not_ready", problem.RootElement.GetProperty("type").GetString());
        }

        using (var alive = await silo.Client.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }

        await postgres.RestartAsync();
        var ready = false;
        for (var attempt = 0; attempt < 50 && !ready; attempt++)
        {
            using var again = await silo.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
            ready = again.StatusCode == HttpStatusCode.OK;
            if (!ready)
            {
                await Task.Delay(200);
            }
        }

        Assert.True(ready, "readyz should answer 200 again once PostgreSQL is back");
    }
}
