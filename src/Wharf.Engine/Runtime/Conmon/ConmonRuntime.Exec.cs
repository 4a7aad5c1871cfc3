using System.Net.Sockets;
using System.Text.Json;
using Wharf.Core.Errors;
using Wharf.Engine.Runtime.Native;
using Wharf.Engine.Runtime.Spec;

namespace Wharf.Engine.Runtime.Conmon;

public sealed partial class ConmonRuntime
{
    /// <inheritdoc />
    public async Task<ExecSession> ExecAsync(RuntimeExecRequest request, CancellationToken ct = default)
    {
        var runtime = ResolveRuntime(request.RuntimePath);
        var conmon = ResolveBinary(_options.ConmonPath);
        var dir = Path.GetFullPath(request.SessionDir);
        Directory.CreateDirectory(Path.Combine(dir, "exit"));
        // conmon does not create its persist directory; without it the exit is never recorded.
        Directory.CreateDirectory(Path.Combine(dir, "persist"));
        foreach (var name in new[] { "attach", "ctl", "winsz", "exec_pid", Path.Combine("exit", request.ContainerId) })
            TryDelete(Path.Combine(dir, name));
        var processSpec = Path.Combine(dir, "process.json");
        await using (var stream = new FileStream(processSpec, FileMode.Create, FileAccess.Write))
            await JsonSerializer.SerializeAsync(stream, request.Process, OciSpecJsonContext.Default.OciProcess, ct).ConfigureAwait(false);

        var tty = request.Process.Terminal;
        var args = new List<string>
        {
            conmon, "--api-version", "1", "-c", request.ContainerId, "-u", request.ExecId, "-r", runtime, "-b", dir,
            "-p", Path.Combine(dir, "exec_pid"), "-n", request.ContainerId,
            "--exit-dir", Path.Combine(dir, "exit"), "--persist-dir", Path.Combine(dir, "persist"),
            "--full-attach", "-l", "none", "--log-level", "warn",
            "--runtime-arg", "--root", "--runtime-arg", _options.RuntimeRoot,
            "-e", "--exec-process-spec", processSpec,
        };
        if (tty)
            args.Add("-t");
        else if (request.OpenStdin && request.Attach)
            args.Add("-i");
        if (request.Attach)
            args.Add("--exec-attach");

        var env = ConmonEnvironment();
        var fds = new List<int>();
        var (syncParent, syncChild) = Spawner.SeqPacketPair();
        fds.Add(syncChild);
        var (startRead, startWrite) = Spawner.Pipe();
        fds.Add(startRead);
        int attachParent = -1, attachChild = -1;
        var map = new List<(int, int)> { (syncChild, 3), (startRead, 4) };
        if (request.Attach)
        {
            (attachParent, attachChild) = Spawner.SeqPacketPair();
            fds.Add(attachChild);
            map.Add((attachChild, 5));
            env.Add("_OCI_ATTACHPIPE=5");
        }

        int pid;
        try
        {
            pid = Spawner.Spawn(conmon, args, env, dir, map);
        }
        catch
        {
            LibC.close(syncParent);
            LibC.close(startWrite);
            if (attachParent >= 0)
                LibC.close(attachParent);
            throw;
        }
        finally
        {
            foreach (var fd in fds)
                LibC.close(fd);
        }

        var sync = new Socket(new SafeSocketHandle(syncParent, ownsHandle: true));
        Socket? attachPipe = attachParent >= 0 ? new Socket(new SafeSocketHandle(attachParent, ownsHandle: true)) : null;
        AttachConnection? attach = null;
        var handedOver = false;
        var reaped = false;
        try
        {
            Spawner.WriteAll(startWrite, "0");
            if (attachPipe != null)
            {
                // conmon reports once the session's attach socket listens; connect before runc exec runs so no output is lost.
                var ready = await ReceiveRecordAsync(attachPipe, ct).ConfigureAwait(false);
                if (ready.Length == 0 || ParseRecord(ready).Data != 0)
                {
                    LibC.close(startWrite);
                    startWrite = -1;
                    var failure = await ReceiveRecordAsync(sync, ct).ConfigureAwait(false);
                    throw ExecFailure(failure.Length == 0 ? "conmon exited before the exec attach socket was ready" : ParseRecord(failure).Message);
                }
                attach = await AttachAsync(dir, ct).ConfigureAwait(false);
                Spawner.WriteAll(startWrite, "0");
            }
            LibC.close(startWrite);
            startWrite = -1;

            var record = await ReceiveRecordAsync(sync, ct).ConfigureAwait(false);
            ReapConmon(pid);
            reaped = true;
            if (record.Length == 0)
                throw ExecFailure("conmon exited without reporting the exec PID");
            var (execPid, message) = ParseRecord(record);
            if (execPid <= 0)
                throw ExecFailure(message);
            var exited = ReadExecExitAsync(sync, dir, request.ContainerId);
            handedOver = true;
            return new ExecSession(execPid, dir, attach, exited, (rows, cols) => Resize(dir, rows, cols));
        }
        finally
        {
            if (startWrite >= 0)
                LibC.close(startWrite);
            attachPipe?.Dispose();
            if (!handedOver)
            {
                sync.Dispose();
                attach?.Dispose();
                if (!reaped)
                    ReapConmon(pid);
            }
        }
    }

    private static RuntimeException ExecFailure(string? message)
    {
        var text = RuncMessage.Extract(message ?? "");
        if (text.Length == 0)
            text = "exec failed";
        var e = new RuntimeException(ErrorKind.Internal, $"OCI runtime exec failed: {text}: unknown", text);
        return e.IsNotFound || e.IsPermissionDenied ? new RuntimeException(ErrorKind.InvalidArgument, e.Message, text) : e;
    }

    /// <summary>The second sync record carries the exit code; the exit file is the fallback if the socket closed first.</summary>
    private static async Task<int> ReadExecExitAsync(Socket sync, string dir, string containerId)
    {
        using (sync)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                var n = await sync.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false);
                if (n > 0)
                {
                    var (code, _) = ParseRecord(buffer.AsSpan(0, n).ToArray());
                    return code;
                }
            }
            catch (SocketException)
            {
            }
        }
        try
        {
            return int.Parse(File.ReadAllText(Path.Combine(dir, "exit", containerId)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            return -1;
        }
    }
}
