namespace Wharf.Engine.Runtime;

/// <summary>A started exec process: its PID, its attach connection (when requested) and its exit code.</summary>
public sealed class ExecSession : IAsyncDisposable
{
    internal ExecSession(int pid, string sessionDir, AttachConnection? attach, Task<int> exited, Func<int, int, bool> resize)
    {
        Pid = pid;
        SessionDir = sessionDir;
        Attach = attach;
        Exited = exited;
        _resize = resize;
    }

    private readonly Func<int, int, bool> _resize;

    /// <summary>Host PID of the exec process.</summary>
    public int Pid { get; }

    /// <summary>The session directory.</summary>
    public string SessionDir { get; }

    /// <summary>Output and stdin of the process; null for a detached exec.</summary>
    public AttachConnection? Attach { get; }

    /// <summary>Completes with the exit code (128+signal when killed) once the process has ended.</summary>
    public Task<int> Exited { get; }

    /// <summary>Resizes the exec's pty; false when its conmon is gone.</summary>
    public bool Resize(int rows, int cols) => _resize(rows, cols);

    /// <summary>Closes the attach connection (the process keeps running).</summary>
    public ValueTask DisposeAsync() => Attach?.DisposeAsync() ?? ValueTask.CompletedTask;
}
