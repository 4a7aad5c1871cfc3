namespace Wharf.Engine.Runtime;

/// <summary>
/// Runs OCI bundles under a per-container monitor (conmon) that owns the container's stdio, log,
/// attach socket and exit record, so containers outlive the daemon. Lifecycle: <see cref="CreateAsync"/>
/// (state <c>created</c>) → optionally <see cref="AttachAsync"/> and <see cref="Resize"/> → <see cref="StartAsync"/>
/// → the container exits (<see cref="Exited"/>, <see cref="ReadExit"/>) → <see cref="DeleteAsync"/> and <see cref="RemoveExitFiles"/>.
/// <paramref name="runtimePath"/> parameters name the OCI runtime binary the container was created with (null = the default runtime).
/// </summary>
public interface IContainerRuntime
{
    /// <summary>Raised (on a thread-pool thread) for every exit file conmon writes.</summary>
    event EventHandler<ContainerExitedEventArgs>? Exited;

    /// <summary>Spawns conmon, which runs <c>runc create</c>; returns once the container is <c>created</c>. Stale exit/attach files of the ID are removed first. Throws <see cref="RuntimeException"/> with runc's message on failure.</summary>
    Task<RuntimeCreateResult> CreateAsync(RuntimeCreateRequest request, CancellationToken ct = default);

    /// <summary><c>runc start</c>: runs the created container's process.</summary>
    Task StartAsync(string id, string? runtimePath = null, CancellationToken ct = default);

    /// <summary><c>runc kill</c> with a signal number; <paramref name="all"/> signals every process of the container.</summary>
    Task KillAsync(string id, int signal, bool all = false, string? runtimePath = null, CancellationToken ct = default);

    /// <summary><c>runc delete [-f]</c>; a container runc does not know is not an error.</summary>
    Task DeleteAsync(string id, bool force = false, string? runtimePath = null, CancellationToken ct = default);

    /// <summary><c>runc state</c>; null when runc does not know the container.</summary>
    Task<RuntimeState?> StateAsync(string id, string? runtimePath = null, CancellationToken ct = default);

    /// <summary><c>runc pause</c> (freezer cgroup).</summary>
    Task PauseAsync(string id, string? runtimePath = null, CancellationToken ct = default);

    /// <summary><c>runc resume</c>.</summary>
    Task ResumeAsync(string id, string? runtimePath = null, CancellationToken ct = default);

    /// <summary>The recorded exit of the container, or null while it has not exited (no exit file).</summary>
    ContainerExit? ReadExit(string id);

    /// <summary>Completes when the container's exit file exists (at once if it already does).</summary>
    Task<ContainerExit> WaitForExitAsync(string id, CancellationToken ct = default);

    /// <summary>Deletes the exit file and persist directory of the ID (before re-creating, and on container removal).</summary>
    void RemoveExitFiles(string id);

    /// <summary>Connects to conmon's attach socket in <paramref name="bundleDir"/>; connect before <see cref="StartAsync"/> to miss no output.</summary>
    Task<AttachConnection> AttachAsync(string bundleDir, CancellationToken ct = default);

    /// <summary>Sets the pty size through conmon's <c>ctl</c> fifo; false when conmon is gone.</summary>
    bool Resize(string bundleDir, int rows, int cols);

    /// <summary>Makes conmon reopen its log file (after the daemon renamed it for rotation); false when conmon is gone.</summary>
    bool ReopenLog(string bundleDir);

    /// <summary>Starts a process in a running container (its own conmon, <c>runc exec</c>); returns once it runs. Throws <see cref="RuntimeException"/> with runc's message when it cannot start.</summary>
    Task<ExecSession> ExecAsync(RuntimeExecRequest request, CancellationToken ct = default);

    /// <summary>Whether <paramref name="conmonPid"/> is still the conmon supervising <paramref name="id"/> (guards against PID reuse).</summary>
    bool IsConmonAlive(int conmonPid, string id);
}
