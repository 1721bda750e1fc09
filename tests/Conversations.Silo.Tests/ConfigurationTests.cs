using Microsoft.Extensions.Options;

namespace Conversations.Silo.Tests;

public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Conversations:Storage", "mongo", "Conversations:Storage")]
    [InlineData("Conversations:PublicBaseUrl", "not a url", "Conversations:PublicBaseUrl")]
    [InlineData("Conversations:PublicBaseUrl", "https://chat.example.com/?x=1", "Conversations:PublicBaseUrl")]
    [InlineData("Conversations:AdminKey", "too-short", "Conversations:AdminKey")]
    public async Task InvalidSettingStopsStartUpNamingTheSetting(string key, string value, string named)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningSilo.StartAsync(new Dictionary<string, string?> { [key] = value }));

        var message = Assert.Single(failure.Failures);
        Assert.StartsWith(named, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgresStorageWithoutConnectionStringIsRefused()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningSilo.StartAsync(new Dictionary<string, string?>
        {
            ["Conversations:Storage"] = "postgres",
            ["ConnectionStrings:Conversations"] = null,
        }));

        Assert.Contains(failure.Failures, f => f.StartsWith("ConnectionStrings:Conversations", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdminKeyIsNeverEchoedInTheError()
    {
        const string secret = "s3cr3t-but-short";
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningSilo.StartAsync(new Dictionary<string, string?> { ["Conversations:AdminKey"] = secret }));

        Assert.DoesNotContain(secret, failure.Message, StringComparison.Ordinal);
    }
}
