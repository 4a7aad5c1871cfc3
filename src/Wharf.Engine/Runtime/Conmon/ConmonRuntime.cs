using System.Globalization;
using System.Net.Sockets;
using Wharf.Engine.Runtime.Native;

namespace Wharf.Engine.Runtime.Conmon;

/// <summary><see cref="IContainerRuntime"/> with one conmon per container driving runc (see shared/reference/conmon.md).</summary>
public sealed partial class ConmonRuntime : IContainerRuntime, IDisposable
{
    private readonly EngineOptions _options;
    private readonly ExitWatcher _exits;

    /// <summary>Creates the runtime and starts watching <c>ExecRoot/exits</c>.</summary>
    public ConmonRuntime(EngineOptions options)
    {
        _options = options;
        Directory.CreateDirectory(Path.Combine(options.ExecRoot, "persist"));
        _exits = new ExitWatcher(ExitDir, PersistDir);
        _exits.Exited += (_, e) => Exited?.Invoke(this, e);
    }

    /// <inheritdoc />
    public event EventHandler<ContainerExitedEventArgs>? Exited;

    /// <summary>Directory conmon writes exit files to.</summary>
    public string ExitDir => Path.Combine(_options.ExecRoot, "exits");

    /// <summary>Per-container persist directory (<c>exit</c>, <c>oom</c>).</summary>
    public string PersistDir(string id) => Path.Combine(_options.ExecRoot, "persist", id);

    /// <inheritdoc />
    public ContainerExit? ReadExit(string id) => _exits.Read(id);

    /// <inheritdoc />
    public Task<ContainerExit> WaitForExitAsync(string id, CancellationToken ct = default) => _exits.WaitAsync(id, ct);

    /// <inheritdoc />
    public void RemoveExitFiles(string id)
    {
        TryDelete(Path.Combine(ExitDir, id));
        try
        {
            Directory.Delete(PersistDir(id), recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        _exits.Reset(id);
    }

    /// <inheritdoc />
    public async Task<AttachConnection> AttachAsync(string bundleDir, CancellationToken ct = default)
    {
        var path = Path.Combine(bundleDir, "attach");
        // O_PATH + /proc/self/fd keeps sun_path short whatever the bundle path's length (as Podman does).
        var fd = LibC.open(path, LibC.O_PATH | LibC.O_CLOEXEC, 0);
        if (fd < 0)
            throw new RuntimeException(Core.Errors.ErrorKind.Conflict, $"container is not attachable: {path} does not exist", "attach socket missing");
        var socket = new Socket(AddressFamily.Unix, SocketType.Seqpacket, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint($"/proc/self/fd/{fd}"), ct).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new RuntimeException(Core.Errors.ErrorKind.Conflict, $"container is not attachable: {e.Message}", e.Message);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        finally
        {
            LibC.close(fd);
        }
        return new AttachConnection(socket);
    }

    /// <inheritdoc />
    public bool Resize(string bundleDir, int rows, int cols) =>
        WriteCtl(bundleDir, string.Create(CultureInfo.InvariantCulture, $"1 {rows} {cols}\n"));

    /// <inheritdoc />
    public bool ReopenLog(string bundleDir) => WriteCtl(bundleDir, "2 0 0\n");

    /// <inheritdoc />
    public bool IsConmonAlive(int conmonPid, string id)
    {
        if (conmonPid <= 0)
            return false;
        byte[] raw;
        try
        {
            raw = File.ReadAllBytes($"/proc/{conmonPid}/cmdline");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        var args = System.Text.Encoding.UTF8.GetString(raw).Split('\0');
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] is "-c" or "--cid" && args[i + 1] == id)
                return true;
            if (args[i] == "--cid=" + id)
                return true;
        }
        return false;
    }

    /// <summary>Stops watching the exit directory.</summary>
    public void Dispose() => _exits.Dispose();

    private static bool WriteCtl(string bundleDir, string message)
    {
        var fd = LibC.open(Path.Combine(bundleDir, "ctl"), LibC.O_WRONLY | LibC.O_NONBLOCK | LibC.O_CLOEXEC, 0);
        if (fd < 0)
            return false;
        try
        {
            return Spawner.WriteAll(fd, message);
        }
        finally
        {
            LibC.close(fd);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
