using Wharf.Core.Errors;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// Removes a container: a running one only with <paramref name="force"/> (it is killed first), else 409 with Docker's text;
    /// a second concurrent removal gets 409 <c>removal of container &lt;id&gt; is already in progress</c>. Files go first
    /// (mount, runtime state, exit files, snapshot, directory) and the row last, so an interrupted removal leaves a row that can be removed again.
    /// <paramref name="removeVolumes"/> (<c>rm -v</c>) also removes its anonymous volumes that no other container uses.
    /// </summary>
    public async Task RemoveAsync(string nameOrId, bool force = false, bool removeVolumes = false, CancellationToken ct = default)
    {
        var container = _store.Resolve(nameOrId);
        var id = container.Id;
        if (!_removing.TryAdd(id, 0))
        {
            throw new ConflictException($"removal of container {id} is already in progress");
        }
        try
        {
            container = await AbandonRestartAsync(container, force).ConfigureAwait(false);
            if (container.State.Running)
            {
                if (!force)
                {
                    throw new ConflictException(
                        $"cannot remove container \"{container.DockerName}\": container is running: stop the container before removing or force remove");
                }
                var exited = _waiters.NextExit(id);
                await SignalAsync(container, ContainerSignals.Kill, ct).ConfigureAwait(false);
                // Docker's rm -f goes through its kill: "kill" (signal=9), then "die" from the exit, then "destroy".
                EmitKill(container, ContainerSignals.Kill);
                await WaitForRecordedExitAsync(id, exited, KillGrace, ct).ConfigureAwait(false);
            }
            using (await LockAsync(id, ct).ConfigureAwait(false))
            {
                container = _store.Get(id) ?? throw new NotFoundException($"No such container: {nameOrId}");
                if (container.State.Running)
                {
                    // The process survived SIGKILL or has no monitor: take the runtime state down by force.
                    await TryRuntimeDeleteAsync(container).ConfigureAwait(false);
                    container = container with { State = container.State with { Status = ContainerStatus.Exited, Pid = 0, ExitCode = -1 } };
                }
                await DeleteFilesAsync(container).ConfigureAwait(false);
                _store.Delete(id);
                ReleaseMounts(id, removeVolumes);
            }
            MarkNotAttachable(id);
            FailPendingAttaches(id, new NotFoundException($"No such container: {id}"));
            Emit("destroy", container);
            var error = container.State.Error.Length == 0 ? null : container.State.Error;
            _waiters.CompleteRemoved(id, new ContainerWaitResult(container.State.ExitCode, error));
            _locks.TryRemove(id, out _);
            ForgetLifecycle(id);
        }
        finally
        {
            _removing.TryRemove(id, out _);
        }
    }

    /// <summary>Removes everything on disk of a container; each step tolerates what a previous, interrupted removal already did.</summary>
    private async Task DeleteFilesAsync(ContainerRecord container)
    {
        var id = container.Id;
        await TryRuntimeDeleteAsync(container).ConfigureAwait(false);
        await TearDownNetworkingAsync(id).ConfigureAwait(false);
        var rootfs = RootfsDirectory(id);
        RootfsMounter.Unmount(rootfs);
        if (RootfsMounter.IsMounted(rootfs))
        {
            throw new IOException($"cannot remove container {id}: its root filesystem is still mounted at {rootfs}");
        }
        _runtime.RemoveExitFiles(id);
        if (_snapshotter.Stat(id) is not null)
        {
            _snapshotter.Remove(id);
        }
        UnmountShm(id);
        var directory = ContainerDirectory(id);
        if (Deleter is { } deleter)
        {
            deleter.Delete(directory);
        }
        else if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
