using Wharf.Engine.Runtime;

namespace Wharf.Engine.Containers.Exec;

/// <summary>
/// One exec instance of a container, kept in memory as Docker does: created, then started once, then ended with an exit code.
/// Fields change under the instance's own lock; read a consistent view through <see cref="Snapshot"/>.
/// </summary>
public sealed class ExecInstance
{
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ExecSession? _session;
    private bool _running;
    private bool _startRequested;
    private int? _exitCode;
    private int _pid;

    internal ExecInstance(string id, string containerId, ExecCreateOptions options, byte[] detachKeys)
    {
        Id = id;
        ContainerId = containerId;
        Options = options;
        DetachKeys = detachKeys;
    }

    /// <summary>64-hex exec ID.</summary>
    public string Id { get; }

    /// <summary>Full ID of the container it runs in.</summary>
    public string ContainerId { get; }

    /// <summary>What was asked for.</summary>
    public ExecCreateOptions Options { get; }

    /// <summary>The parsed detach key sequence (the default when none was given).</summary>
    public byte[] DetachKeys { get; }

    /// <summary>When the process ended.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Completes with the exit code once the process ended and the instance recorded it.</summary>
    public Task<int> Ended => _ended.Task;

    /// <summary>Completes once the process runs (or failed to start).</summary>
    public Task Started => _started.Task;

    /// <summary>A consistent copy of the mutable state.</summary>
    public ExecState Snapshot()
    {
        lock (_lock)
        {
            return new ExecState(_running, _exitCode, _pid, _exitCode.HasValue);
        }
    }

    /// <summary>Claims the one start; Docker's conflicts when it already runs or ran.</summary>
    internal void ClaimStart()
    {
        lock (_lock)
        {
            if (_exitCode.HasValue)
            {
                throw new Core.Errors.ConflictException($"Error: Exec command {Id} has already run");
            }
            if (_running || _startRequested)
            {
                throw new Core.Errors.ConflictException($"Error: Exec command {Id} is already running");
            }
            _startRequested = true;
        }
    }

    internal void MarkRunning(ExecSession session)
    {
        lock (_lock)
        {
            _session = session;
            _pid = session.Pid;
            _running = true;
        }
        _started.TrySetResult();
    }

    internal void MarkEnded(int exitCode)
    {
        lock (_lock)
        {
            _running = false;
            _exitCode = exitCode;
            FinishedAt = DateTimeOffset.UtcNow;
            _session = null;
        }
        _started.TrySetResult();
        _ended.TrySetResult(exitCode);
    }

    /// <summary>Resizes the pty; false when the process is not running.</summary>
    internal bool Resize(int height, int width)
    {
        ExecSession? session;
        lock (_lock)
        {
            session = _running ? _session : null;
        }
        return session?.Resize(height, width) ?? false;
    }
}
