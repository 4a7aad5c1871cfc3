using System.Collections;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Wharf.Core.Errors;
using Wharf.Engine.Runtime.Native;

namespace Wharf.Engine.Runtime.Conmon;

public sealed partial class ConmonRuntime
{
    /// <summary>Podman's limit for conmon to report the container's PID.</summary>
    private static readonly TimeSpan s_createTimeout = TimeSpan.FromSeconds(240);

    private static readonly string[] s_bundleLeftovers = ["attach", "ctl", "winsz", "pidfile", "conmon.pid", "oom"];

    /// <inheritdoc />
    public async Task<RuntimeCreateResult> CreateAsync(RuntimeCreateRequest request, CancellationToken ct = default)
    {
        if (request.LogPath != null && request.LogPath.Contains(':'))
            throw new InvalidArgumentException($"log path must not contain ':': {request.LogPath}");
        var runtime = ResolveRuntime(request.RuntimePath);
        var conmon = ResolveBinary(_options.ConmonPath);
        var bundle = Path.GetFullPath(request.BundleDir);

        // A stale exit file would make the new container look exited (conmon.md §5).
        RemoveExitFiles(request.Id);
        foreach (var name in s_bundleLeftovers)
            TryDelete(Path.Combine(bundle, name));
        Directory.CreateDirectory(PersistDir(request.Id));

        var args = ConmonArgs(request, conmon, runtime, bundle);
        var env = ConmonEnvironment();
        var (syncParent, syncChild) = Spawner.SeqPacketPair();
        int startRead, startWrite;
        try
        {
            (startRead, startWrite) = Spawner.Pipe();
        }
        catch
        {
            LibC.close(syncParent);
            LibC.close(syncChild);
            throw;
        }

        int pid;
        try
        {
            pid = Spawner.Spawn(conmon, args, env, bundle, [(syncChild, 3), (startRead, 4)]);
        }
        catch
        {
            LibC.close(syncParent);
            LibC.close(startWrite);
            throw;
        }
        finally
        {
            // Our copies of the child ends must go at once, or a conmon that dies silently never shows up as EOF.
            LibC.close(syncChild);
            LibC.close(startRead);
        }
        // Nothing to do between spawn and release (Podman moves conmon into a cgroup here): EOF releases conmon#1.
        LibC.close(startWrite);

        using var sync = new Socket(new SafeSocketHandle(syncParent, ownsHandle: true));
        byte[] record;
        try
        {
            record = await ReceiveRecordAsync(sync, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            ReapConmon(pid);
            await CleanupFailedCreateAsync(request.Id, bundle, runtime).ConfigureAwait(false);
            throw;
        }
        var conmonStatus = ReapConmon(pid);

        if (record.Length == 0)
        {
            await CleanupFailedCreateAsync(request.Id, bundle, runtime).ConfigureAwait(false);
            var detail = conmonStatus > 0 ? $"conmon exited with status {conmonStatus}" : "conmon exited without reporting the container's PID";
            throw new RuntimeException(ErrorKind.Internal, $"OCI runtime create failed: {detail}", detail);
        }
        var (data, message) = ParseRecord(record);
        if (data <= 0)
        {
            await CleanupFailedCreateAsync(request.Id, bundle, runtime).ConfigureAwait(false);
            var runcMessage = RuncMessage.Extract(message ?? "");
            if (runcMessage.Length == 0)
                runcMessage = "runc create failed";
            throw CreateFailure(runcMessage);
        }

        var conmonPid = 0;
        try
        {
            conmonPid = int.Parse(File.ReadAllText(Path.Combine(bundle, "conmon.pid")).Trim(), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
        }
        return new RuntimeCreateResult(data, conmonPid);
    }

    /// <summary>Docker's error shape for a failed create; not-found and permission texts become 400s the CLI maps to 127/126.</summary>
    internal static RuntimeException CreateFailure(string runcMessage)
    {
        var e = new RuntimeException(ErrorKind.Internal, $"OCI runtime create failed: {runcMessage}: unknown", runcMessage);
        return e.IsNotFound || e.IsPermissionDenied
            ? new RuntimeException(ErrorKind.InvalidArgument, e.Message, runcMessage)
            : e;
    }

    private List<string> ConmonArgs(RuntimeCreateRequest request, string conmon, string runtime, string bundle)
    {
        var id = request.Id;
        var args = new List<string>
        {
            conmon, "--api-version", "1", "-c", id, "-u", id, "-r", runtime, "-b", bundle,
            "-p", Path.Combine(bundle, "pidfile"), "-P", Path.Combine(bundle, "conmon.pid"), "-n", id,
            "--exit-dir", ExitDir, "--persist-dir", PersistDir(id), "--full-attach",
            "-l", request.LogPath != null ? "k8s-file:" + request.LogPath : "none",
            "--log-level", "warn",
            "--runtime-arg", "--root", "--runtime-arg", _options.RuntimeRoot,
        };
        if (request.Tty)
            args.Add("-t");
        else if (request.OpenStdin)
            args.Add("-i");
        if (request.OpenStdin && !request.StdinOnce)
            args.Add("--leave-stdin-open");
        return args;
    }

    private static List<string> ConmonEnvironment()
    {
        var env = new List<string>();
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            var key = (string)e.Key;
            if (key.StartsWith("_OCI_", StringComparison.Ordinal) || key == "NOTIFY_SOCKET" || key == "LISTEN_FDS" || key == "LISTEN_PID")
                continue;
            // conmon and runc print nothing localised we read; in the C locale glibc skips loading a dozen locale files per start.
            if (key.StartsWith("LC_", StringComparison.Ordinal) || key is "LANG" or "LANGUAGE")
                continue;
            env.Add(key + "=" + e.Value);
        }
        env.Add("_OCI_SYNCPIPE=3");
        env.Add("_OCI_STARTPIPE=4");
        return env;
    }

    private static async Task<byte[]> ReceiveRecordAsync(Socket sync, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(s_createTimeout);
        var buffer = new byte[16 * 1024];
        try
        {
            var n = await sync.ReceiveAsync(buffer, SocketFlags.None, timeout.Token).ConfigureAwait(false);
            return buffer.AsSpan(0, n).ToArray();
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new RuntimeException(ErrorKind.Unavailable, "OCI runtime create failed: timed out waiting for conmon", "timeout");
        }
        catch (SocketException)
        {
            return [];
        }
    }

    private static (int Data, string? Message) ParseRecord(byte[] record)
    {
        var text = record.AsSpan();
        var nl = text.IndexOf((byte)'\n');
        if (nl >= 0)
            text = text[..nl];
        try
        {
            using var doc = JsonDocument.Parse(text.ToArray());
            var root = doc.RootElement;
            var data = root.TryGetProperty("data", out var d) && d.TryGetInt32(out var v) ? v : -1;
            var message = root.TryGetProperty("message", out var m) ? m.GetString() : null;
            return (data, message);
        }
        catch (JsonException)
        {
            return (-1, System.Text.Encoding.UTF8.GetString(text));
        }
    }

    private static int ReapConmon(int pid)
    {
        var status = Spawner.WaitPid(pid);
        return status < 0 ? -1 : Spawner.ExitCode(status);
    }

    private async Task CleanupFailedCreateAsync(string id, string bundle, string runtime)
    {
        try
        {
            await RunRuntimeAsync(runtime, ["delete", "--force", id], CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RuntimeException or IOException or System.ComponentModel.Win32Exception)
        {
        }
        // Exits of a failed create are not container exits.
        RemoveExitFiles(id);
        foreach (var name in s_bundleLeftovers)
            TryDelete(Path.Combine(bundle, name));
    }
}
