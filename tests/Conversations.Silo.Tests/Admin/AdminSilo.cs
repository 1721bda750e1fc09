using System.Security.Cryptography;
using Conversations.Client;
using Microsoft.Extensions.Logging;

namespace Conversations.Silo.Tests.Admin;

/// <summary>
/// A silo with a root admin key, a master key and a log capture, shared by the admin tests of one
/// storage provider. Each test makes its own brands, keys and numbers from <see cref="AdminData"/>.
/// </summary>
public abstract class AdminSilo : IAsyncLifetime
{
    public const string AdminKey = "root-admin-key-for-the-admin-tests-0123456789";

    /// <summary>The deployment's Meta app secret and verify token in these tests.</summary>
    public const string MetaAppSecret = "meta-app-secret-for-tests";

    public const string MetaVerifyToken = "meta-verify-token-for-tests";

    private RunningSilo? _silo;

    /// <summary>Base64 of 32 bytes, the same for every node of this provider's cluster.</summary>
    public string MasterKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public LogCapture Logs { get; } = new();

    public RunningSilo Silo => _silo ?? throw new InvalidOperationException("The silo has not started.");

    public ConversationsClient Root => As(AdminKey);

    public ConversationsClient Anonymous => As(null);

    public abstract string Provider { get; }

    public ConversationsClient As(string? key) => new(Silo.Client, key);

    /// <summary>Creates a brand with a fresh id (default settings) and returns its id.</summary>
    public async Task<string> NewBrandAsync(string? name = null)
    {
        var brandId = AdminData.NewBrandId();
        await Root.PutBrandAsync(brandId, new(name ?? $"Brand {brandId}", null));
        return brandId;
    }

    /// <summary>Creates a key of <paramref name="brandId"/> with <paramref name="roles"/> and returns a client calling with it.</summary>
    public async Task<ConversationsClient> NewKeyAsync(string brandId, params string[] roles) =>
        As((await Root.CreateKeyAsync(brandId, new($"key {string.Join('+', roles)}", roles))).Key);

    /// <summary>Starts another node on the same storage and master key (the PostgreSQL cluster tests).</summary>
    public Task<RunningSilo> StartNodeAsync(Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure = null) =>
        RunningSilo.StartAsync(Settings(), configure);

    public async Task InitializeAsync()
    {
        await StartStorageAsync();
        _silo = await RunningSilo.StartAsync(Settings(), builder =>
        {
            builder.Logging.AddProvider(Logs);
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
        });
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        await StopStorageAsync();
    }

    /// <summary>Everything the storage holds, as text (bytes as Latin-1 or hex), to look for secrets at rest.</summary>
    public abstract Task<string> DumpStorageAsync();

    /// <summary>The lower-case hex of the UTF-8 bytes of <paramref name="text"/> (how a bytea column prints).</summary>
    public static string Hex(string text) => Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(text));

    protected abstract Task StartStorageAsync();

    protected abstract Task StopStorageAsync();

    /// <summary>Storage settings of this provider; the SQLite default (a file in the silo's data folder) needs none.</summary>
    protected abstract IDictionary<string, string?> StorageSettings();

    private Dictionary<string, string?> Settings() => new(StorageSettings())
    {
        ["Conversations:AdminKey"] = AdminKey,
        ["Conversations:MasterKey"] = MasterKey,
        ["Conversations:Meta:AppSecret"] = MetaAppSecret,
        ["Conversations:Meta:VerifyToken"] = MetaVerifyToken,
    };
}
