using Conversations.Silo.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conversations.Silo.Tests.Secrets;

/// <summary>The embedded default makes its own master key, once, and a bad configured key stops start-up.</summary>
public sealed class EmbeddedMasterKeyTests
{
    // A Meta access token (its documented shape: "EAA" and a long opaque tail).
    private const string AccessToken = "EAAJZCa2ZBZBZAsBAKZCnZCZAfqZBw1IzZCzXAgGZBZCGZA9ZAyZBQ0rZCZCxuPZCkB6h4lZCr";

    [Fact]
    public async Task EmbeddedDefaultCreatesTheMasterKeyFileOnceAndReusesItAcrossRestarts()
    {
        var folder = Directory.CreateTempSubdirectory("conversations-secrets-").FullName;
        try
        {
            var settings = new Dictionary<string, string?> { ["ConnectionStrings:Conversations"] = $"Data Source={Path.Combine(folder, "conversations.db")}" };
            var keyFile = Path.Combine(folder, MasterKeySource.FileName);
            string protectedToken;
            await using (var first = await RunningSilo.StartAsync(settings))
            {
                protectedToken = first.Services.GetRequiredService<ISecretProtector>().Protect(AccessToken);
            }

            Assert.True(File.Exists(keyFile));
            var generated = await File.ReadAllTextAsync(keyFile);
            Assert.Equal(32, Convert.FromBase64String(generated.Trim()).Length);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            }

            await using (var restarted = await RunningSilo.StartAsync(settings))
            {
                Assert.Equal(AccessToken, restarted.Services.GetRequiredService<ISecretProtector>().Unprotect(protectedToken));
            }

            Assert.Equal(generated, await File.ReadAllTextAsync(keyFile));
            Assert.Single(Directory.GetFiles(folder, "*master.key*"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ConfiguredMasterKeyIsUsedAndNoKeyFileIsWritten()
    {
        await using var silo = await RunningSilo.StartAsync(new Dictionary<string, string?> { ["Conversations:MasterKey"] = RunningSilo.TestMasterKey });
        var protector = silo.Services.GetRequiredService<ISecretProtector>();

        Assert.Equal(AccessToken, protector.Unprotect(protector.Protect(AccessToken)));
        Assert.False(File.Exists(Path.Combine(silo.DataDirectory, MasterKeySource.FileName)));
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("c2hvcnQta2V5")] // valid base64, 9 bytes
    [InlineData("dGVzdC1tYXN0ZXIta2V5LTMyLWJ5dGVzLWxvbmctISEh")] // 33 bytes
    public async Task BadMasterKeyStopsStartUpNamingTheSettingWithoutEchoingIt(string value)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningSilo.StartAsync(new Dictionary<string, string?> { ["Conversations:MasterKey"] = value }));

        var message = Assert.Single(failure.Failures);
        Assert.StartsWith("Conversations:MasterKey", message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, failure.Message, StringComparison.Ordinal);
    }
}
