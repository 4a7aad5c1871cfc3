using Wharf.Core.Errors;
using Wharf.Engine.Runtime;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    private void OnRuntimeExited(object? sender, ContainerExitedEventArgs e) => _ = HandleExitSafelyAsync(e.Id);

    /// <summary>Backs up the runtime's exit event with a per-container wait, so an exit is recorded even if an event is missed.</summary>
    private void WatchExit(string id)
    {
        var token = _shutdown.Token;
        _ = Task.Run(async () =>
        {
            try
            {
                await _runtime.WaitForExitAsync(id, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is WharfException or IOException)
            {
                return;
            }
            await HandleExitSafelyAsync(id).ConfigureAwait(false);
        }, CancellationToken.None);
    }

    private async Task HandleExitSafelyAsync(string id)
    {
        try
        {
            await HandleExitAsync(id).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WharfException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Exit handling is retried by the next event, by stop/kill, or by recovery at the next daemon start.
        }
    }

    /// <summary>Records the exit of a running container whose exit file exists, cleans up its runtime state and rootfs mount, wakes waiters, and auto-removes.</summary>
    private async Task HandleExitAsync(string id)
    {
        ContainerRecord? exited;
        using (await LockAsync(id).ConfigureAwait(false))
        {
            var container = _store.Get(id);
            var exit = _runtime.ReadExit(id);
            if (container is null || !container.State.Running || exit is null)
            {
                return;
            }
            exited = await RecordExitAsync(container, exit).ConfigureAwait(false);
        }
        if (exited.HostConfig.AutoRemove)
        {
            await TryAutoRemoveAsync(id).ConfigureAwait(false);
        }
    }

    /// <summary>Stores the exit (caller holds the lock), tears down runtime state and the mount, emits <c>die</c> and completes exit waiters.</summary>
    private async Task<ContainerRecord> RecordExitAsync(ContainerRecord container, ContainerExit exit, string error = "")
    {
        var restart = DecideRestart(container, exit, out var restartDelay);
        var exited = container with
        {
            RestartCount = restart ? container.RestartCount + 1 : container.RestartCount,
            State = container.State with
            {
                Status = restart ? ContainerStatus.Restarting : ContainerStatus.Exited,
                Pid = 0,
                ExitCode = exit.ExitCode,
                FinishedAt = exit.FinishedAt,
                OomKilled = exit.OomKilled,
                Error = error,
            },
            ConmonPid = 0,
        };
        _store.Update(exited);
        MarkNotAttachable(container.Id);
        ForgetExecs(container.Id);
        await TryRuntimeDeleteAsync(container).ConfigureAwait(false);
        TryUnmount(container.Id);
        UnmountVolumes(container);
        await TearDownNetworkingAsync(container.Id).ConfigureAwait(false);
        Emit("die", exited, ("exitCode", exit.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        _waiters.CompleteExit(container.Id, new ContainerWaitResult(exit.ExitCode, error.Length == 0 ? null : error));
        AfterExitRecorded(exited, restart, restartDelay);
        return exited;
    }

    private async Task TryAutoRemoveAsync(string id)
    {
        try
        {
            await RemoveAsync(id, force: true, removeVolumes: true).ConfigureAwait(false);
        }
        catch (WharfException)
        {
            // Already removed, or being removed by someone else.
        }
        catch (IOException)
        {
        }
    }
}
