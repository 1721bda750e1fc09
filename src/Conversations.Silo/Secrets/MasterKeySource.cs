using Conversations.Silo.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Conversations.Silo.Secrets;

/// <summary>
/// The master key: <c>Conversations:MasterKey</c> when set; otherwise, on the embedded default only,
/// a key generated once into <c>master.key</c> beside the SQLite database (owner-only) and reused on
/// later starts. Resolved on first use, after the grain host created the data folder.
/// </summary>
internal sealed class MasterKeySource
{
    public const string FileName = "master.key";

    private readonly Lazy<MasterKey> _key;

    public MasterKeySource(IOptions<ConversationsOptions> options, ILogger<MasterKeySource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = new Lazy<MasterKey>(() => Resolve(options.Value, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public MasterKey Key => _key.Value;

    private static MasterKey Resolve(ConversationsOptions options, ILogger logger)
    {
        if (options.MasterKey is not null)
        {
            // Validated at start-up; checked again so a bypassed validation cannot run with no key.
            return MasterKey.TryParse(options.MasterKey, out var configured)
                ? configured!
                : throw Invalid("Conversations:MasterKey must be the base64 of 32 random bytes.");
        }

        if (options.Storage != StorageKinds.Sqlite)
        {
            throw Invalid("Conversations:MasterKey is required when Conversations:Storage is 'postgres'.");
        }

        var path = KeyFilePath(options.ConnectionString);
        if (TryRead(path) is { } existing)
        {
            return existing;
        }

        var generated = MasterKey.Generate();
        if (!TryCreate(path, generated))
        {
            // Another process sharing the folder created it first: use that one.
            return TryRead(path) ?? throw Invalid($"Conversations:MasterKey is not set and the master key file {path} could not be created.");
        }

        Log.MasterKeyGenerated(logger, path);
        return generated;
    }

    /// <summary>Beside the database file; the <c>data</c> folder for an in-memory database.</summary>
    internal static string KeyFilePath(string? connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString ?? StorageKinds.DefaultSqliteConnectionString);
        var source = builder.DataSource;
        var inMemory = string.IsNullOrEmpty(source) || source == ":memory:" || builder.Mode == SqliteOpenMode.Memory;
        var folder = inMemory ? Path.GetFullPath("data") : Path.GetDirectoryName(Path.GetFullPath(source))!;
        return Path.Combine(folder, FileName);
    }

    private static MasterKey? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        // The file's content is never echoed: it is the key, even when damaged.
        return MasterKey.TryParse(File.ReadAllText(path), out var key)
            ? key
            : throw Invalid($"Conversations:MasterKey is not set and the master key file {path} is not the base64 of 32 bytes; restore it from a backup or set Conversations:MasterKey.");
    }

    /// <summary>Writes a temporary owner-only file, then links it into place, so no reader ever sees a half-written key.</summary>
    private static bool TryCreate(string path, MasterKey key)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{FileName}.{Guid.NewGuid():N}.tmp");
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var writer = new StreamWriter(temporary, fileOptions))
            {
                writer.WriteLine(key.ToBase64());
            }

            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static OptionsValidationException Invalid(string message) =>
        new(Options.DefaultName, typeof(ConversationsOptions), [message]);
}
