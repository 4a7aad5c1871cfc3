namespace Wharf.Engine.Containers.Health;

/// <summary>
/// The health state machine of one container (moby's <c>handleProbeResult</c>): a success makes it healthy and resets the
/// failing streak; a failure increments the streak (not while still starting within the start period) and makes it
/// unhealthy once the streak reaches Retries. Keeps the last <see cref="MaxLogEntries"/> probes. Thread-safe.
/// </summary>
public sealed class HealthTracker
{
    /// <summary>Probes kept in the log.</summary>
    public const int MaxLogEntries = 5;

    /// <summary>Probe output kept per entry.</summary>
    public const int MaxOutputBytes = 4096;

    private readonly object _gate = new();
    private readonly Queue<HealthProbeResult> _log = new();
    private string _status = HealthStatus.Starting;
    private int _failingStreak;

    /// <summary>A tracker that has not probed yet (<c>starting</c>).</summary>
    public HealthTracker()
    {
    }

    /// <summary>A tracker that continues from stored state (after a daemon restart).</summary>
    public HealthTracker(HealthSnapshot restored)
    {
        _status = restored.Status;
        _failingStreak = restored.FailingStreak;
        foreach (var entry in restored.Log.TakeLast(MaxLogEntries))
        {
            _log.Enqueue(entry);
        }
    }

    /// <summary>The current status.</summary>
    public string Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>A new run of the container: starting again with no failures (the log stays, as in Docker).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _status = HealthStatus.Starting;
            _failingStreak = 0;
        }
    }

    /// <summary>Probing stopped with the container: Docker reports it unhealthy from then on (no event).</summary>
    public void MarkStopped()
    {
        lock (_gate)
        {
            _status = HealthStatus.Unhealthy;
        }
    }

    /// <summary>Records a probe of a container started at <paramref name="startedAt"/>; returns the new status when it changed, else null.</summary>
    public string? Record(HealthProbeResult result, DateTimeOffset startedAt, HealthProbeSettings settings)
    {
        lock (_gate)
        {
            var before = _status;
            _log.Enqueue(result);
            while (_log.Count > MaxLogEntries)
            {
                _log.Dequeue();
            }
            if (result.ExitCode == 0)
            {
                _failingStreak = 0;
                _status = HealthStatus.Healthy;
            }
            else
            {
                var inStartPeriod = _status == HealthStatus.Starting && result.Start - startedAt < settings.StartPeriod;
                if (!inStartPeriod)
                {
                    _failingStreak++;
                    if (_failingStreak >= settings.Retries)
                    {
                        _status = HealthStatus.Unhealthy;
                    }
                }
            }
            return _status == before ? null : _status;
        }
    }

    /// <summary>The state as inspect shows it.</summary>
    public HealthSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new HealthSnapshot(_status, _failingStreak, _log.ToList());
        }
    }
}
