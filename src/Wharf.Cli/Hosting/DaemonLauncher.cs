using System.Diagnostics;
using Wharf.Api.Client;

namespace Wharf.Cli.Hosting;

/// <summary>
/// Starts <c>wharfd</c> in the background when nothing answers on the default socket and the user is root,
/// then waits for <c>/_ping</c>. The daemon runs in its own session with its output in a log file.
/// </summary>
internal static class DaemonLauncher
{
    /// <summary>How long to wait for a freshly started daemon.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>True when the current user may start the system daemon.</summary>
    public static bool IsRoot => OperatingSystem.IsLinux() && NativeMethods.geteuid() == 0;

    /// <summary>Finds <c>wharfd</c> next to this executable, then in <c>PATH</c>.</summary>
    public static string? FindDaemon(Func<string, string?> environment)
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetDirectoryName(self) is { } dir && File.Exists(Path.Combine(dir, "wharfd")))
        {
            return Path.Combine(dir, "wharfd");
        }
        foreach (var entry in (environment("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(entry, "wharfd");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>Where the daemon's output goes: <c>/var/log/wharfd.log</c>, else next to the socket.</summary>
    public static string LogPath(DockerEndpoint endpoint)
    {
        if (Directory.Exists("/var/log"))
        {
            return "/var/log/wharfd.log";
        }
        return Path.Combine(Path.GetDirectoryName(endpoint.SocketPath) ?? "/run/wharf", "wharfd.log");
    }

    /// <summary>Starts the daemon detached (setsid, stdio to the log) and waits until it answers.</summary>
    public static async Task StartAndWaitAsync(WharfClient client, TextWriter err, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var daemon = FindDaemon(environment) ?? throw new DaemonUnreachableException(client.Endpoint);
        var log = LogPath(client.Endpoint);
        err.WriteLine("Starting wharfd (the daemon was not running)…");
        err.Flush();
        // The shell detaches the daemon from our session and process group so it outlives this command.
        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = false,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec setsid \"$0\" </dev/null >>\"$1\" 2>&1 &");
        start.ArgumentList.Add(daemon);
        start.ArgumentList.Add(log);
        using (var shell = Process.Start(start) ?? throw new DaemonUnreachableException(client.Endpoint))
        {
            await shell.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        var deadline = Stopwatch.StartNew();
        Exception? last = null;
        while (deadline.Elapsed < StartTimeout)
        {
            try
            {
                await client.PingAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DaemonUnreachableException e)
            {
                last = e;
            }
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
        throw new DaemonUnreachableException(client.Endpoint, last);
    }
}
