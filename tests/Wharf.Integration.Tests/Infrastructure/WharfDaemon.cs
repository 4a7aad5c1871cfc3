using System.Diagnostics;

namespace Wharf.Integration.Tests.Infrastructure;

/// <summary>
/// A private wharfd started on its own temporary data root, exec root, socket and cgroup parent, so it
/// never touches an installed daemon. Disposing it removes every container, mount and directory it made.
/// </summary>
public sealed class WharfDaemon : IAsyncDisposable
{
    private Process? _process;

    private WharfDaemon(string root, string storageDriver)
    {
        Root = root;
        StorageDriver = storageDriver;
        var tag = Path.GetFileName(root);
        CgroupParent = tag;
        Network = DaemonNetwork.Pick();
    }

    /// <summary>This daemon's own bridge, bridge address, address pool and nft table (never the installed daemon's).</summary>
    public DaemonNetwork Network { get; }

    public string Root { get; }

    public string StorageDriver { get; }

    public string DataRoot => Path.Combine(Root, "data");

    public string ExecRoot => Path.Combine(Root, "run");

    public string SocketPath => Path.Combine(ExecRoot, "wharf.sock");

    public string Host => "unix://" + SocketPath;

    public string CgroupParent { get; }

    public string LogPath => Path.Combine(Root, "wharfd.log");

    public int Pid => _process?.Id ?? 0;

    /// <summary>Starts a daemon and waits until it answers /_ping.</summary>
    public static async Task<WharfDaemon> StartAsync(string storageDriver = "overlay")
    {
        var root = Path.Combine("/tmp", "wharf-it-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(root);
        var daemon = new WharfDaemon(root, storageDriver);
        try
        {
            await daemon.StartProcessAsync();
        }
        catch
        {
            await daemon.DisposeAsync();
            throw;
        }
        return daemon;
    }

    /// <summary>Starts (again) the daemon process on the same roots.</summary>
    public async Task StartProcessAsync()
    {
        Directory.CreateDirectory(ExecRoot);
        // Through sh so the daemon's output lands in a file a failing test can show; exec keeps the PID.
        var psi = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var a in (string[])
                 [
                     "-c", $"exec \"$0\" \"$@\" >>'{LogPath}' 2>&1", BuildOutput.Wharfd,
                     "--host", Host, "--data-root", DataRoot, "--exec-root", ExecRoot,
                     "--pidfile", Path.Combine(ExecRoot, "wharfd.pid"), "--storage-driver", StorageDriver,
                     "--cgroup-parent", CgroupParent, "--log-level", "debug",
                     .. Network.Flags,
                 ])
        {
            psi.ArgumentList.Add(a);
        }
        _process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start wharfd");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"wharfd exited {_process.ExitCode}:\n{ReadLog()}");
            }
            if (File.Exists(SocketPath))
            {
                var ping = await ProcessRunner.RunAsync("curl", ["-sf", "--unix-socket", SocketPath, "http://localhost/_ping"], timeout: TimeSpan.FromSeconds(5));
                if (ping.ExitCode == 0 && ping.Stdout == "OK")
                {
                    return;
                }
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("wharfd did not answer /_ping within 30 s:\n" + ReadLog());
    }

    /// <summary>SIGKILLs the daemon (containers must survive it).</summary>
    public async Task KillHardAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Stops the daemon gracefully (SIGTERM), SIGKILL after 20 s.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false })
        {
            return;
        }
        await ProcessRunner.RunAsync("kill", ["-TERM", _process.Id.ToString()]);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    public string ReadLog()
    {
        try
        {
            var text = File.ReadAllText(LogPath);
            return text.Length > 8000 ? text[^8000..] : text;
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    /// <summary>Runs the wharf CLI against this daemon.</summary>
    public Task<ProcessResult> WharfAsync(params string[] args) => WharfAsync(args, null);

    public Task<ProcessResult> WharfAsync(string[] args, byte[]? stdin, TimeSpan? timeout = null) =>
        ProcessRunner.RunAsync(BuildOutput.Wharf, ["-H", Host, .. args], stdin: stdin, timeout: timeout);

    /// <summary>Runs the real docker CLI against this daemon.</summary>
    public Task<ProcessResult> DockerAsync(params string[] args) => DockerAsync(args, null);

    public Task<ProcessResult> DockerAsync(string[] args, byte[]? stdin, TimeSpan? timeout = null) =>
        ProcessRunner.RunAsync(BuildOutput.DockerCli, args, DockerEnvironment, stdin, timeout);

    public IDictionary<string, string> DockerEnvironment => new Dictionary<string, string>
    {
        ["DOCKER_HOST"] = Host,
        ["DOCKER_CONFIG"] = Path.Combine(Root, "docker-config"),
        ["DOCKER_BUILDKIT"] = "0",
        ["DOCKER_CLI_HINTS"] = "false",
    };

    /// <summary>Imports Debian's static busybox as <paramref name="reference"/> (one layer, Cmd ["sh"]).</summary>
    public async Task ImportBusyboxAsync(string reference = "busybox:latest")
    {
        var tar = await BusyboxTarAsync();
        (await WharfAsync(["import", "-c", "CMD [\"sh\"]", tar, reference], null)).EnsureSuccess("wharf import busybox");
    }

    /// <summary>Path of a busybox rootfs tar made by the repository's script (made once per daemon).</summary>
    public async Task<string> BusyboxTarAsync()
    {
        var tar = Path.Combine(Root, "busybox.tar");
        if (!File.Exists(tar))
        {
            var script = Path.Combine(BuildOutput.RepositoryRoot, "scripts", "busybox-rootfs-tar.sh");
            (await ProcessRunner.ShAsync($"'{script}' > '{tar}.tmp' && mv '{tar}.tmp' '{tar}'")).EnsureSuccess("busybox tar");
        }
        return tar;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_process is { HasExited: false })
            {
                var ids = await WharfAsync("ps", "-aq", "--no-trunc");
                foreach (var id in ids.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    await WharfAsync("rm", "-f", id.Trim());
                }
                await DockerAsync("network", "prune", "-f");
            }
        }
        catch (Exception)
        {
            // Clean-up below removes whatever the daemon could not.
        }
        await StopAsync();
        await ForceCleanAsync();
    }

    /// <summary>Removes what a crashed daemon may have left: runc containers, conmons, mounts, cgroups, files.</summary>
    private async Task ForceCleanAsync()
    {
        var runcRoot = Path.Combine(ExecRoot, "runc");
        if (Directory.Exists(runcRoot))
        {
            var list = await ProcessRunner.RunAsync("runc", ["--root", runcRoot, "list", "-q"]);
            foreach (var id in list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                await ProcessRunner.RunAsync("runc", ["--root", runcRoot, "delete", "-f", id]);
            }
        }
        await ProcessRunner.ShAsync($"pkill -KILL -f 'conmon.*{Root}' || true");
        var mounts = await File.ReadAllLinesAsync("/proc/self/mountinfo");
        var points = mounts.Select(l => l.Split(' ')[4]).Where(p => p.StartsWith(Root, StringComparison.Ordinal)).Reverse();
        foreach (var p in points)
        {
            await ProcessRunner.RunAsync("umount", ["-l", p]);
        }
        await Network.CleanAsync(Path.Combine(ExecRoot, "netns"));
        await ProcessRunner.ShAsync($"for d in /sys/fs/cgroup/*/{CgroupParent} /sys/fs/cgroup/unified/{CgroupParent}; do [ -d \"$d\" ] && find \"$d\" -depth -type d -exec rmdir {{}} + 2>/dev/null; done; true");
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception)
        {
            await ProcessRunner.RunAsync("rm", ["-rf", Root]);
        }
    }
}
