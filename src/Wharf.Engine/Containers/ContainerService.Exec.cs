using System.Collections.Concurrent;
using System.Globalization;
using Wharf.Core.Errors;
using Wharf.Core.Ids;
using Wharf.Engine.Containers.Exec;
using Wharf.Engine.Runtime;
using Wharf.Engine.Runtime.Spec;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>How long an ended exec stays inspectable (Docker's exec GC runs every 5 minutes).</summary>
    private static readonly TimeSpan s_execRetention = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, ExecInstance> _execs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<string>> _containerExecs = new(StringComparer.Ordinal);

    /// <summary>
    /// Creates an exec instance in a running container (<c>POST /containers/{id}/exec</c>); nothing runs until
    /// <see cref="StartExecAsync"/>. 409 when the container is not running, paused or restarting, with Docker's texts.
    /// </summary>
    public ExecInstance CreateExec(string nameOrId, ExecCreateOptions options)
    {
        var container = _store.Resolve(nameOrId);
        EnsureExecutable(container);
        if (options.Cmd.Count == 0 || string.IsNullOrEmpty(options.Cmd[0]))
        {
            throw new InvalidArgumentException("No exec command specified");
        }
        byte[] keys;
        try
        {
            keys = Wharf.Core.Streams.DetachKeys.Parse(options.DetachKeys);
        }
        catch (FormatException)
        {
            throw new InvalidArgumentException($"Invalid escape keys ({options.DetachKeys}) provided");
        }
        CollectEndedExecs();
        var exec = new ExecInstance(StringIds.NewId(), container.Id, options, keys);
        _execs[exec.Id] = exec;
        var list = _containerExecs.GetOrAdd(container.Id, _ => []);
        lock (list)
        {
            list.Add(exec.Id);
        }
        Emit("exec_create: " + string.Join(' ', options.Cmd), container, ("execID", exec.Id));
        return exec;
    }

    /// <summary>The exec instance with this exact ID (404 <c>No such exec instance</c>).</summary>
    public ExecInstance GetExec(string execId) =>
        _execs.TryGetValue(execId, out var exec) ? exec : throw new NotFoundException($"No such exec instance: {execId}");

    /// <summary>IDs of the container's exec instances (inspect <c>ExecIDs</c>); null when there are none, as Docker shows it.</summary>
    public IReadOnlyList<string>? ExecIds(string containerId)
    {
        if (!_containerExecs.TryGetValue(containerId, out var list))
        {
            return null;
        }
        lock (list)
        {
            var live = list.Where(_execs.ContainsKey).ToList();
            return live.Count == 0 ? null : live;
        }
    }

    /// <summary>
    /// Starts an exec instance once. With <paramref name="attach"/> the returned stream carries its output and stdin (connected
    /// before the process runs, so nothing is lost); without, it returns null once the process runs. A process that cannot start
    /// ends the instance with 127 (command not found) or 126 and rethrows the runtime's error.
    /// </summary>
    public async Task<ExecStream?> StartExecAsync(string execId, bool attach, (int Height, int Width)? consoleSize = null, CancellationToken ct = default)
    {
        var exec = GetExec(execId);
        exec.ClaimStart();
        ExecSession session;
        ContainerRecord container;
        try
        {
            container = _store.Get(exec.ContainerId) ?? throw new NotFoundException($"No such container: {exec.ContainerId}");
            EnsureExecutable(container);
            var process = BuildExecProcess(container, exec.Options);
            var size = consoleSize ?? exec.Options.ConsoleSize;
            if (exec.Options.Tty && size is { Height: > 0, Width: > 0 } initial)
            {
                process.ConsoleSize = new OciBox { Height = (uint)initial.Height, Width = (uint)initial.Width };
            }
            session = await _runtime.ExecAsync(new RuntimeExecRequest
            {
                ContainerId = container.Id,
                ExecId = exec.Id,
                SessionDir = ExecSessionDirectory(exec.Id),
                Process = process,
                Attach = attach,
                OpenStdin = exec.Options.AttachStdin,
                RuntimePath = RuntimePath(container.HostConfig),
            }, ct).ConfigureAwait(false);
            if (exec.Options.Tty && size is { Height: > 0, Width: > 0 } s)
            {
                session.Resize(s.Height, s.Width);
            }
        }
        catch (Exception e)
        {
            var code = e is RuntimeException { IsNotFound: true } ? 127 : 126;
            exec.MarkEnded(code);
            TryDeleteExecDirectory(ExecSessionDirectory(exec.Id));
            if (_store.Get(exec.ContainerId) is { } owner)
            {
                Emit("exec_die", owner, ("execID", exec.Id), ("exitCode", code.ToString(CultureInfo.InvariantCulture)));
            }
            throw;
        }
        exec.MarkRunning(session);
        Emit("exec_start: " + string.Join(' ', exec.Options.Cmd), container, ("execID", exec.Id));
        _ = RecordExecExitAsync(exec, session);
        return session.Attach is { } connection ? new ExecStream(exec, connection) : null;
    }

    /// <summary>Resizes an exec's pty (<c>POST /exec/{id}/resize</c>), waiting briefly for a start that is under way.</summary>
    public async Task ResizeExecAsync(string execId, int height, int width, CancellationToken ct = default)
    {
        var exec = GetExec(execId);
        try
        {
            await exec.Started.WaitAsync(TimeSpan.FromSeconds(10), ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new ConflictException("timeout waiting for exec session ready");
        }
        if (!exec.Resize(height, width) && exec.Snapshot().Running)
        {
            throw new ConflictException($"exec {execId} is not running");
        }
    }

    /// <summary>Records that a client detached from a container's or exec's stream (Docker's <c>detach</c> event).</summary>
    public void ReportDetach(string containerId, string? execId = null)
    {
        if (_store.Get(containerId) is { } container)
        {
            if (execId is null)
            {
                Emit("detach", container);
            }
            else
            {
                Emit("detach", container, ("execID", execId));
            }
        }
    }

    /// <summary>Forgets the container's exec instances from its inspect listing (it stopped); ended ones stay inspectable for a while.</summary>
    private void ForgetExecs(string containerId) => _containerExecs.TryRemove(containerId, out _);

    private static void EnsureExecutable(ContainerRecord container)
    {
        if (!container.State.Running)
        {
            throw new ConflictException($"container {container.Id} is not running");
        }
        if (container.State.Paused)
        {
            throw new ConflictException($"Container {container.Id} is paused, unpause the container before exec");
        }
        if (container.State.Restarting)
        {
            throw new ConflictException($"Container {container.Id} is restarting, wait until the container is running");
        }
    }

    private OciProcess BuildExecProcess(ContainerRecord container, ExecCreateOptions options)
    {
        OciSpec spec;
        try
        {
            spec = OciSpecBuilder.ReadConfig(ContainerDirectory(container.Id));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException)
        {
            throw new ConflictException($"container {container.Id} is not running");
        }
        var init = spec.Process ?? new OciProcess();
        ResolvedUser? user = null;
        var env = options.Env.ToList();
        if (!string.IsNullOrEmpty(options.User))
        {
            user = UserResolver.Resolve(RootfsDirectory(container.Id), options.User);
            if (!env.Exists(e => e.StartsWith("HOME=", StringComparison.Ordinal)))
            {
                env.Add("HOME=" + user.Home);
            }
        }
        return OciSpecBuilder.ExecProcess(init, options.Cmd, env, options.WorkingDir, user, options.Tty, options.Privileged || container.HostConfig.Privileged);
    }

    private string ExecSessionDirectory(string execId) => Path.Combine(_options.ExecRoot, "exec", execId);

    private async Task RecordExecExitAsync(ExecInstance exec, ExecSession session)
    {
        int code;
        try
        {
            code = await session.Exited.ConfigureAwait(false);
        }
        catch (Exception)
        {
            code = -1;
        }
        exec.MarkEnded(code);
        TryDeleteExecDirectory(session.SessionDir);
        if (_store.Get(exec.ContainerId) is { } container)
        {
            Emit("exec_die", container, ("execID", exec.Id), ("exitCode", code.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Drops instances that ended long ago or whose container is gone (Docker's exec GC).</summary>
    private void CollectEndedExecs()
    {
        var cutoff = DateTimeOffset.UtcNow - s_execRetention;
        foreach (var (id, exec) in _execs)
        {
            var ended = exec.FinishedAt is { } finished && finished < cutoff;
            if (ended || (exec.FinishedAt is not null && _store.Get(exec.ContainerId) is null))
            {
                _execs.TryRemove(id, out _);
            }
        }
    }

    private static void TryDeleteExecDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover session directory under the run root is harmless; the run root is a tmpfs.
        }
    }
}
