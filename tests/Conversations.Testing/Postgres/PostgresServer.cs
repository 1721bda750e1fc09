using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Conversations.Testing.Postgres;

/// <summary>
/// A private PostgreSQL server started from the machine's own binaries, in a temporary data
/// directory on a free loopback port. Tests fail (not skip) when the binaries are missing.
/// When the test process runs as root (CI), the server runs as an unprivileged OS user,
/// because PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private readonly string _binDirectory;
    private readonly string? _runAs;
    private readonly string _rootDirectory;
    private readonly string _logFile;
    private readonly IReadOnlyList<string> _settings;

    private PostgresServer(string binDirectory, string? runAs, string rootDirectory, int port, IReadOnlyList<string> settings)
    {
        _settings = settings;
        _binDirectory = binDirectory;
        _runAs = runAs;
        _rootDirectory = rootDirectory;
        _logFile = Path.Combine(rootDirectory, "postgres.log");
        DataDirectory = Path.Combine(rootDirectory, "data");
        Port = port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = Superuser,
            Database = "postgres",
            Pooling = true,
            IncludeErrorDetail = true,
        }.ConnectionString;
    }

    /// <summary>Connection string for the <c>postgres</c> database as the <c>postgres</c> superuser (trust auth).</summary>
    public string ConnectionString { get; }

    /// <summary>The loopback TCP port the server listens on; kept across <see cref="RestartAsync"/>.</summary>
    public int Port { get; }

    /// <summary>The server's data directory (PGDATA).</summary>
    public string DataDirectory { get; }

    /// <summary>Initialises a fresh cluster and starts a server on it.</summary>
    /// <exception cref="InvalidOperationException">The binaries are missing, or the server did not start (the message holds the server log).</exception>
    public static Task<PostgresServer> StartAsync(CancellationToken ct = default) => StartAsync([], ct);

    /// <summary>Initialises a fresh cluster and starts a server on it with these extra settings (<c>name=value</c>), kept across <see cref="RestartAsync"/>.</summary>
    /// <exception cref="InvalidOperationException">The binaries are missing, or the server did not start (the message holds the server log).</exception>
    public static async Task<PostgresServer> StartAsync(IReadOnlyList<string> settings, CancellationToken ct = default)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("PostgresServer runs PostgreSQL's Linux binaries; run these tests on Linux.");
        }

        var binDirectory = FindBinDirectory();
        var runAs = Environment.IsPrivilegedProcess ? await ServerUserAsync(ct) : null;
        var root = Directory.CreateDirectory(Path.Combine("/tmp", $"conversations-pg-{Guid.NewGuid():N}"),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var server = new PostgresServer(binDirectory, runAs, root.FullName, FreePort(), settings);
        try
        {
            if (runAs is not null)
            {
                await OsProcess.RunCheckedAsync(null, "chown", [$"{runAs}:", root.FullName], "/", ct);
            }

            await server.RunAsync("initdb",
                ["-D", server.DataDirectory, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C",
                 "--no-sync", "--no-instructions"], ct);
            await server.StartServerAsync(ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database (named randomly when <paramref name="name"/> is null) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= $"test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Crashes the server: SIGKILL to the postmaster and its children, as a power cut would.
    /// Pooled connections to it are broken afterwards; clear the pool or expect the first command to fail.
    /// </summary>
    public async Task KillAsync()
    {
        // A stale postmaster.pid may name a pid since reused by an unrelated process: check it is ours.
        if (ReadPostmasterPid() is not { } pid || !OsProcess.IsAlive(pid) || !OsProcess.CommandLine(pid).Contains(DataDirectory, StringComparison.Ordinal))
        {
            return;
        }

        var victims = OsProcess.ChildrenOf(pid).Prepend(pid).ToList();
        victims.ForEach(OsProcess.Kill);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (victims.Any(OsProcess.IsAlive))
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>Starts the server again on the same port and data directory (stopping it first if it still runs); recovers after <see cref="KillAsync"/>.</summary>
    public async Task RestartAsync(CancellationToken ct = default)
    {
        await StopAsync();
        // A killed postmaster may linger as a zombie nobody reaps, which PostgreSQL would take for a live server.
        File.Delete(Path.Combine(DataDirectory, "postmaster.pid"));
        await StartServerAsync(ct);
    }

    /// <summary>Shuts the server down cleanly (fast mode), keeping the data directory for <see cref="RestartAsync"/>.</summary>
    public Task StopAsync() => StopServerAsync("fast");

    /// <summary>Stops the server (immediate mode) and deletes its data directory.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopServerAsync("immediate");
        if (Directory.Exists(_rootDirectory))
        {
            Directory.Delete(_rootDirectory, recursive: true);
        }
    }

    /// <summary>
    /// Starts the server with the settings above, then those given to <see cref="StartAsync(IReadOnlyList{string}, CancellationToken)"/>
    /// (a later one of a name wins), plus any in <c>CONVERSATIONS_PG_EXTRA_OPTIONS</c> (for profiling, e.g.
    /// <c>-c shared_preload_libraries=pg_stat_statements</c>; see BENCHMARKS.md).
    /// </summary>
    private async Task StartServerAsync(CancellationToken ct)
    {
        var options = string.Join(' ',
            "-c listen_addresses=127.0.0.1", $"-c port={Port.ToString(CultureInfo.InvariantCulture)}",
            "-c unix_socket_directories=''", "-c fsync=on", "-c max_connections=200", "-c shared_buffers=128MB",
            string.Join(' ', _settings.Select(setting => $"-c {setting}")), Environment.GetEnvironmentVariable("CONVERSATIONS_PG_EXTRA_OPTIONS") ?? "");
        try
        {
            await RunAsync("pg_ctl", ["start", "-w", "-t", "30", "-D", DataDirectory, "-l", _logFile, "-o", options], ct);
            await WaitForConnectionAsync(ct);
        }
        catch (Exception e) when (e is InvalidOperationException or NpgsqlException)
        {
            await StopServerAsync("immediate");
            throw new InvalidOperationException(
                $"PostgreSQL did not start on 127.0.0.1:{Port}: {e.Message}\n--- server log ({_logFile}) ---\n{LogTail()}", e);
        }
    }

    private async Task WaitForConnectionAsync(CancellationToken ct)
    {
        var probe = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, Timeout = 2 }.ConnectionString;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(probe);
                await connection.OpenAsync(ct);
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, ct);
            }
        }
    }

    private async Task StopServerAsync(string mode)
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await RunAsync("pg_ctl", ["stop", "-w", "-D", DataDirectory, "-m", mode], CancellationToken.None, check: false);
        }

        // Whatever pg_ctl could not stop must not outlive the test run.
        await KillAsync();
    }

    private Task RunAsync(string program, string[] args, CancellationToken ct, bool check = true) => check
        ? OsProcess.RunCheckedAsync(_runAs, Path.Combine(_binDirectory, program), args, _rootDirectory, ct)
        : OsProcess.RunAsync(_runAs, Path.Combine(_binDirectory, program), args, _rootDirectory, ct);

    private int? ReadPostmasterPid()
    {
        try
        {
            return int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private string LogTail() =>
        File.Exists(_logFile) ? string.Join('\n', File.ReadLines(_logFile).TakeLast(30)) : "(no log written)";

    private static string FindBinDirectory()
    {
        string[] programs = ["initdb", "pg_ctl", "postgres"];
        var versioned = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Where(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out _))
                .OrderByDescending(d => int.Parse(Path.GetFileName(d), CultureInfo.InvariantCulture))
                .Select(d => Path.Combine(d, "bin"))
            : [];
        var onPath = OsProcess.Which("initdb") is { } initdb ? [Path.GetDirectoryName(initdb)!] : Array.Empty<string>();
        return versioned.Concat(onPath).FirstOrDefault(d => programs.All(p => OsProcess.Exists(Path.Combine(d, p))))
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found under /usr/lib/postgresql/<version>/bin " +
                "or on PATH. Install them with `apt-get install -y postgresql` (Debian/Ubuntu), or put a PostgreSQL bin directory on PATH.");
    }

    /// <summary>The unprivileged OS user the server runs as when we are root: postgres, else a dedicated system user, else nobody.</summary>
    private static async Task<string> ServerUserAsync(CancellationToken ct)
    {
        foreach (var user in new[] { "postgres", "conversations-pg" })
        {
            if ((await OsProcess.RunAsync(null, "id", ["-u", user], "/", ct)).ExitCode == 0)
            {
                return user;
            }
        }

        var created = await OsProcess.RunAsync(null, "useradd", ["--system", "--no-create-home", "conversations-pg"], "/", ct);
        return created.ExitCode == 0 ? "conversations-pg" : "nobody";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
