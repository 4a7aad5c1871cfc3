using System.Collections.Concurrent;
using Wharf.Core.Errors;
using Wharf.Engine.Containers.Restart;
using Wharf.Engine.Runtime;

namespace Wharf.Engine.Containers;

/// <summary>
/// Restart policies, as Docker applies them: an exit the user did not cause leads to <c>restarting</c> and, after the
/// back-off delay, a new start; <c>stop</c>/<c>kill</c> mark the container manually stopped and cancel restarting until the
/// next user start (which resets RestartCount); at daemon start, stopped containers whose policy says so are started again.
/// </summary>
public sealed partial class ContainerService
{
    private readonly ConcurrentDictionary<string, RestartManager> _restartManagers = new();

    /// <summary>Checks the restart policy of a create request (400 with Docker's text) and its combination with <c>--rm</c>.</summary>
    private static void ValidateRestartPolicy(ContainerHostConfig hostConfig) =>
        RestartPolicies.ValidateWithAutoRemove(hostConfig.RestartPolicy, hostConfig.AutoRemove);

    /// <summary>
    /// Whether StartAsync goes on: a user start of a running (or restarting) container is 304; a restart-policy start
    /// (<paramref name="policyStart"/>) goes on only while the container still waits in <c>restarting</c> (a stop or removal
    /// meanwhile abandons it).
    /// </summary>
    private static bool ShouldStart(ContainerRecord container, bool policyStart)
    {
        if (policyStart)
        {
            return container.State.Restarting;
        }
        if (container.State.Running)
        {
            throw new NotModifiedException("Container already started");
        }
        return true;
    }

    /// <summary>A user start forgets the previous restarts and the manual stop (Docker's <c>ResetRestartManager</c>); a policy start keeps them.</summary>
    private ContainerRecord PrepareStarted(ContainerRecord container, bool policyStart)
    {
        if (policyStart)
        {
            return container;
        }
        if (_restartManagers.TryRemove(container.Id, out var previous))
        {
            previous.Cancel();
        }
        return container with { RestartCount = 0, HasBeenManuallyStopped = false };
    }

    /// <summary>Decides, while the exit is recorded, whether the policy restarts the container and after which delay.</summary>
    private bool DecideRestart(ContainerRecord container, ContainerExit exit, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (_removing.ContainsKey(container.Id) || _shutdown.IsCancellationRequested || container.HostConfig.AutoRemove
            || RestartPolicies.IsNone(container.HostConfig.RestartPolicy))
        {
            return false;
        }
        var manager = _restartManagers.GetOrAdd(container.Id, _ => new RestartManager(container.HostConfig.RestartPolicy, container.RestartCount));
        manager.Policy = container.HostConfig.RestartPolicy;
        var ranFor = container.State.StartedAt is { } started ? exit.FinishedAt - started : TimeSpan.Zero;
        return manager.ShouldRestart(exit.ExitCode, container.HasBeenManuallyStopped, ranFor, out delay);
    }

    /// <summary>After an exit is recorded: probes stop, the shareable /dev/shm goes, and a restart decided by <see cref="DecideRestart"/> is scheduled.</summary>
    private void AfterExitRecorded(ContainerRecord exited, bool restart, TimeSpan delay)
    {
        StopHealthMonitor(exited.Id);
        UnmountShm(exited.Id);
        if (restart)
        {
            ScheduleRestart(exited.Id, delay);
        }
    }

    private void ScheduleRestart(string id, TimeSpan delay)
    {
        CancellationToken token;
        try
        {
            token = _shutdown.Token;
        }
        catch (ObjectDisposedException)
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(delay, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The daemon stops: the container stays "restarting" and the next daemon start settles it.
                return;
            }
            try
            {
                await StartAsync(id, null, policyStart: true, token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WharfException or IOException or InvalidOperationException or OperationCanceledException or UnauthorizedAccessException)
            {
                // Docker gives up after a failed restart: the container is stopped with the start error recorded.
                await SettleRestartAsync(id).ConfigureAwait(false);
            }
        }, CancellationToken.None);
    }

    /// <summary>Moves a container that waits in <c>restarting</c> to <c>exited</c> (its exit code and error stay); true when it was restarting.</summary>
    private async Task<bool> SettleRestartAsync(string id)
    {
        using (await LockAsync(id).ConfigureAwait(false))
        {
            if (_store.Get(id) is not { State.Restarting: true } container)
            {
                return false;
            }
            _store.Update(container with { State = container.State with { Status = ContainerStatus.Exited, Pid = 0 } });
            return true;
        }
    }

    /// <summary>
    /// The user stops or kills the container: it is marked manually stopped, and (for SIGKILL, its stop signal, or any signal
    /// when it has none, as Docker) restarting is cancelled until the next user start. A container waiting in
    /// <c>restarting</c> is simply settled as exited; true in that case (there is no process to signal).
    /// </summary>
    private async Task<bool> MarkStoppedByUserAsync(ContainerRecord container, int signal)
    {
        var stopSignal = string.IsNullOrEmpty(container.Config.StopSignal) ? (int?)null : ContainerSignals.Parse(container.Config.StopSignal);
        if (stopSignal is null || signal == ContainerSignals.Kill || signal == stopSignal)
        {
            _restartManagers.GetOrAdd(container.Id, _ => new RestartManager(container.HostConfig.RestartPolicy, container.RestartCount)).Cancel();
        }
        var wasRestarting = false;
        using (await LockAsync(container.Id).ConfigureAwait(false))
        {
            if (_store.Get(container.Id) is { } current)
            {
                wasRestarting = current.State.Restarting;
                _store.Update(current with
                {
                    HasBeenManuallyStopped = true,
                    State = wasRestarting ? current.State with { Status = ContainerStatus.Exited, Pid = 0 } : current.State,
                });
            }
        }
        return wasRestarting;
    }

    /// <summary>Docker's <c>kill</c> event, also sent by <c>stop</c> for its signal(s).</summary>
    private void EmitKill(ContainerRecord container, int signal) =>
        Emit("kill", container, ("signal", signal.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary><c>rm -f</c> of a container waiting in <c>restarting</c>: cancel the restart so there is no process to kill.</summary>
    private async Task<ContainerRecord> AbandonRestartAsync(ContainerRecord container, bool force)
    {
        if (!force || !container.State.Restarting)
        {
            return container;
        }
        if (_restartManagers.TryGetValue(container.Id, out var manager))
        {
            manager.Cancel();
        }
        await SettleRestartAsync(container.Id).ConfigureAwait(false);
        return _store.Get(container.Id) ?? container;
    }

    /// <summary>Drops the in-memory restart and health state of a removed container.</summary>
    private void ForgetLifecycle(string id)
    {
        if (_restartManagers.TryRemove(id, out var manager))
        {
            manager.Cancel();
        }
        StopHealthMonitor(id);
        ForgetHealth(id);
    }

    /// <summary>
    /// Daemon start, after recovery: containers still running resume probing from their stored health (paused ones on unpause); stopped containers that were
    /// started before are started again when their policy says so (Docker's restore: <c>always</c> always,
    /// <c>unless-stopped</c> unless the user stopped it, <c>on-failure</c> after a failure within its retry budget).
    /// </summary>
    private async Task ApplyRestartPoliciesAtDaemonStartAsync(CancellationToken ct)
    {
        var starts = new List<Task>();
        foreach (var container in _store.List())
        {
            if (container.State.Status == ContainerStatus.Running)
            {
                StartHealthMonitor(container, resume: true);
                continue;
            }
            if (container.State.Status != ContainerStatus.Exited || container.State.StartedAt is null || container.HostConfig.AutoRemove
                || RestartPolicies.IsNone(container.HostConfig.RestartPolicy))
            {
                continue;
            }
            var manager = new RestartManager(container.HostConfig.RestartPolicy, container.RestartCount);
            var ranFor = (container.State.FinishedAt ?? DateTimeOffset.UtcNow) - container.State.StartedAt.Value;
            if (manager.ShouldRestart(container.State.ExitCode, container.HasBeenManuallyStopped, ranFor, out _))
            {
                starts.Add(TryStartAtDaemonStartAsync(container.Id, ct));
            }
        }
        await Task.WhenAll(starts).ConfigureAwait(false);
    }

    private async Task TryStartAtDaemonStartAsync(string id, CancellationToken ct)
    {
        try
        {
            await StartAsync(id, null, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WharfException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // The failure is recorded on the container (ExitCode, Error), as for any start.
        }
    }
}
