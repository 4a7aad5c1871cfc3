using System.Diagnostics;

namespace Wharf.Daemon.Tests.Infrastructure;

/// <summary>A real wharfd process on its own temporary socket, data root and exec root (never the defaults).</summary>
public sealed class DaemonProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private DaemonProcess(TempDir root, Process process)
    {
        Root = root;
        _process = process;
    }

    public TempDir Root { get; }

    public string SocketPath => Root.Combine("run/wharf.sock");

    public string DataRoot => Root.Combine("data");

    public string ExecRoot => Root.Combine("run");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Where the wharfd build output sits (copied next to the tests by the project reference).</summary>
    public static string WharfdDll => Path.Combine(AppContext.BaseDirectory, "wharfd.dll");

    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add(WharfdDll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        return psi;
    }

    /// <summary>Runs wharfd with <paramref name="args"/> to completion (for flag errors, --version…).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public static async Task<DaemonProcess> StartAsync(params string[] extraArgs)
    {
        var root = new TempDir();
        var args = new List<string>
        {
            "--host", "unix://" + root.Combine("run/wharf.sock"),
            "--data-root", root.Combine("data"),
            "--exec-root", root.Combine("run"),
            "--storage-driver", "vfs",
            "--cgroup-parent", "wharfd-test-" + Path.GetFileName(root.Path),
        };
        args.AddRange(extraArgs);
        var process = Process.Start(StartInfo(args))!;
        var daemon = new DaemonProcess(root, process);
        process.OutputDataReceived += (_, e) => daemon.Append(e.Data);
        process.ErrorDataReceived += (_, e) => daemon.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                var output = daemon.Output;
                root.Dispose();
                throw new InvalidOperationException($"wharfd exited with {process.ExitCode}:\n{output}");
            }
            if (File.Exists(daemon.SocketPath))
            {
                try
                {
                    var ping = await RawHttp.SendAsync(daemon.SocketPath, "GET", "/_ping");
                    if (ping.Status == 200)
                    {
                        return daemon;
                    }
                }
                catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
                {
                }
            }
            await Task.Delay(100);
        }
        await daemon.DisposeAsync();
        throw new TimeoutException("wharfd did not answer /_ping:\n" + daemon.Output);
    }

    /// <summary>Takes over a started process (its output is drained) and its directory.</summary>
    public static DaemonProcess Adopt(Process process, TempDir root)
    {
        var daemon = new DaemonProcess(root, process);
        process.OutputDataReceived += (_, e) => daemon.Append(e.Data);
        process.ErrorDataReceived += (_, e) => daemon.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return daemon;
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>SIGTERM and wait (SIGKILL after 20 s).</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }
        LibC.Kill(_process.Id, 15);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            _process.Dispose();
            Root.Dispose();
        }
    }
}
