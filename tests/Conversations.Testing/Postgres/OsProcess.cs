using System.Diagnostics;
using System.Globalization;

namespace Conversations.Testing.Postgres;

/// <summary>Runs programs without a shell and inspects processes through <c>/proc</c>.</summary>
internal static class OsProcess
{
    /// <summary>Runs <paramref name="file"/> (as <paramref name="runAs"/> when set, via runuser) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string? runAs, string file, IEnumerable<string> args, string workingDirectory, CancellationToken ct)
    {
        var info = new ProcessStartInfo(runAs is null ? file : FindRunuser())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The server user cannot enter root's working directory.
            WorkingDirectory = workingDirectory,
        };
        if (runAs is not null)
        {
            foreach (var arg in new[] { "-u", runAs, "--", file })
            {
                info.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)
            ?? throw new InvalidOperationException($"Could not start {info.FileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, (await stdout + await stderr).Trim());
    }

    /// <summary>Runs a command and throws with its output when it fails.</summary>
    public static async Task<string> RunCheckedAsync(
        string? runAs, string file, IEnumerable<string> args, string workingDirectory, CancellationToken ct)
    {
        var argList = args.ToList();
        var (exitCode, output) = await RunAsync(runAs, file, argList, workingDirectory, ct);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException(
                $"`{file} {string.Join(' ', argList)}` exited with {exitCode}{(runAs is null ? "" : $" (run as {runAs})")}:\n{output}");
    }

    /// <summary>True when the process exists and is not a zombie waiting for a parent that never reaps it.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The process's command line with arguments joined by spaces, or empty when it is gone.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Pids of the direct children of <paramref name="parent"/> (PostgreSQL's backends and auxiliary processes).</summary>
    public static List<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // Fields after the ")" that closes the command name: state, ppid, ...
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent)
                {
                    children.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process exited while we looked.
            }
        }

        return children;
    }

    /// <summary>Sends SIGKILL to <paramref name="pid"/>, ignoring a process that is already gone.</summary>
    public static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Already exited.
        }
    }

    /// <summary>Full path of the executable <paramref name="name"/> on PATH (or in /usr/sbin, /sbin), or null.</summary>
    public static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin"])
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(Exists);

    /// <summary>True when <paramref name="path"/> is a file, following symlinks (a dangling link does not count).</summary>
    public static bool Exists(string path)
    {
        var file = new FileInfo(path);
        return file.LinkTarget is null ? file.Exists : file.ResolveLinkTarget(returnFinalTarget: true)?.Exists == true;
    }

    private static string FindRunuser() =>
        Which("runuser") ?? throw new InvalidOperationException(
            "Running PostgreSQL as root needs `runuser` (util-linux) to switch to an unprivileged user: apt-get install -y util-linux");
}
