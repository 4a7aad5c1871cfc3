namespace Wharf.Engine.Containers.Restart;

/// <summary>
/// The restart decision for one container between two user starts (moby's <c>restartmanager</c>): whether an exit leads to
/// a restart under the policy, and after which delay. The delay starts at 100 ms and doubles with each restart up to one
/// minute, and falls back to 100 ms once the container had run for 10 seconds. <see cref="Cancel"/> (an explicit stop or
/// kill) ends restarting until the next user start, which makes a new manager.
/// </summary>
public sealed class RestartManager
{
    /// <summary>The first delay.</summary>
    public static readonly TimeSpan InitialDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest delay.</summary>
    public static readonly TimeSpan MaximumDelay = TimeSpan.FromMinutes(1);

    /// <summary>A run at least this long resets the delay.</summary>
    public static readonly TimeSpan ResetAfter = TimeSpan.FromSeconds(10);

    private readonly object _gate = new();
    private TimeSpan _delay;

    /// <summary>Creates a manager for <paramref name="policy"/>; <paramref name="restartCount"/> restarts already happened (they count against on-failure's maximum).</summary>
    public RestartManager(RestartPolicy policy, int restartCount = 0)
    {
        Policy = policy;
        RestartCount = restartCount;
    }

    /// <summary>The policy decided on (<c>docker update --restart</c> changes it in place).</summary>
    public RestartPolicy Policy { get; set; }

    /// <summary>Restarts decided so far.</summary>
    public int RestartCount { get; private set; }

    /// <summary>True once <see cref="Cancel"/> was called.</summary>
    public bool Canceled { get; private set; }

    /// <summary>Stops all further restarts by this manager.</summary>
    public void Cancel()
    {
        lock (_gate)
        {
            Canceled = true;
        }
    }

    /// <summary>
    /// Decides on an exit: true with the delay to wait before starting again, else false. <paramref name="manuallyStopped"/>
    /// is the user's stop (it only matters for <c>unless-stopped</c>, since stop and kill also cancel the manager);
    /// <paramref name="ranFor"/> is how long the container had run.
    /// </summary>
    public bool ShouldRestart(int exitCode, bool manuallyStopped, TimeSpan ranFor, out TimeSpan delay)
    {
        lock (_gate)
        {
            delay = TimeSpan.Zero;
            if (RestartPolicies.IsNone(Policy) || Canceled)
            {
                return false;
            }
            if (ranFor >= ResetAfter)
            {
                _delay = TimeSpan.Zero;
            }
            if (_delay == TimeSpan.Zero)
            {
                _delay = InitialDelay;
            }
            else if (_delay < MaximumDelay)
            {
                _delay *= 2;
            }
            if (_delay > MaximumDelay)
            {
                _delay = MaximumDelay;
            }
            var restart = Policy.Name switch
            {
                RestartPolicies.Always => true,
                RestartPolicies.UnlessStopped => !manuallyStopped,
                RestartPolicies.OnFailure => exitCode != 0 && (Policy.MaximumRetryCount == 0 || RestartCount < Policy.MaximumRetryCount),
                _ => false,
            };
            if (!restart)
            {
                return false;
            }
            RestartCount++;
            delay = _delay;
            return true;
        }
    }
}
