using System.Text.RegularExpressions;
using Wharf.Core.Errors;
using Wharf.Engine.Runtime;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// Reconciles the database with reality at daemon start. For each container recorded as running: an exit file means it
    /// exited while we were away (record it); a live conmon means it still runs (watch it again); otherwise runc decides —
    /// a process without its monitor is killed, and the exit code is unknown (-1). Also unmounts rootfs of stopped containers
    /// and removes directories and snapshots that have no row (left by a crash during create or remove).
    /// </summary>
    public async Task RecoverAsync(CancellationToken ct = default)
    {
        var containers = _store.List();
        foreach (var container in containers)
        {
            ct.ThrowIfCancellationRequested();
            if (container.State.Restarting && await SettleRestartAsync(container.Id).ConfigureAwait(false))
            {
                // The daemon went down during a restart back-off: the policy is applied afresh below.
                continue;
            }
            if (container.State.Running)
            {
                await RecoverRunningAsync(container, ct).ConfigureAwait(false);
            }
            else
            {
                // A crash between runtime create and start, or before the exit was handled, leaves runc state and a mount.
                await TryRuntimeDeleteAsync(container).ConfigureAwait(false);
                TryUnmount(container.Id);
            }
        }
        RemoveOrphanedFiles(containers.Select(c => c.Id).ToHashSet(StringComparer.Ordinal));
        await ReconcileNetworkingAsync(ct).ConfigureAwait(false);
        await ApplyRestartPoliciesAtDaemonStartAsync(ct).ConfigureAwait(false);
    }

    private async Task RecoverRunningAsync(ContainerRecord container, CancellationToken ct)
    {
        var id = container.Id;
        ContainerRecord? exited = null;
        using (await LockAsync(id, ct).ConfigureAwait(false))
        {
            container = _store.Get(id) ?? container;
            if (!container.State.Running)
            {
                return;
            }
            var exit = _runtime.ReadExit(id);
            if (exit is not null)
            {
                exited = await RecordExitAsync(container, exit).ConfigureAwait(false);
            }
            else if (container.ConmonPid > 0 && _runtime.IsConmonAlive(container.ConmonPid, id))
            {
                MarkAttachable(id);
                WatchExit(id);
                return;
            }
            else
            {
                var state = await TryRuntimeStateAsync(container, ct).ConfigureAwait(false);
                var error = "";
                if (state is { Status: "running" or "paused" or "created" or "creating" })
                {
                    // Nobody holds its stdio or will record its exit: end it rather than leave an unmanaged process.
                    try
                    {
                        await _runtime.KillAsync(id, ContainerSignals.Kill, all: true, RuntimePath(container.HostConfig), ct).ConfigureAwait(false);
                    }
                    catch (WharfException)
                    {
                    }
                    error = "container lost its monitor (conmon) and was killed";
                }
                exited = await RecordExitAsync(container, new ContainerExit(-1, DateTimeOffset.UtcNow, false), error).ConfigureAwait(false);
            }
        }
        if (exited.HostConfig.AutoRemove)
        {
            await TryAutoRemoveAsync(id).ConfigureAwait(false);
        }
    }

    private async Task<RuntimeState?> TryRuntimeStateAsync(ContainerRecord container, CancellationToken ct)
    {
        try
        {
            return await _runtime.StateAsync(container.Id, RuntimePath(container.HostConfig), ct).ConfigureAwait(false);
        }
        catch (WharfException)
        {
            return null;
        }
    }

    private void RemoveOrphanedFiles(HashSet<string> known)
    {
        var root = Path.Combine(_options.DataRoot, "containers");
        if (Directory.Exists(root))
        {
            foreach (var directory in Directory.EnumerateDirectories(root))
            {
                var id = Path.GetFileName(directory);
                if (known.Contains(id) || !IsContainerId(id))
                {
                    continue;
                }
                TryUnmount(id);
                if (!RootfsMounter.IsMounted(RootfsDirectory(id)))
                {
                    TryDeleteDirectory(directory);
                }
            }
        }
        try
        {
            foreach (var key in _snapshotter.List())
            {
                if (IsContainerId(key) && !known.Contains(key))
                {
                    TryRemoveSnapshot(key);
                }
            }
        }
        catch (Exception e) when (e is IOException or WharfException)
        {
        }
    }

    private static bool IsContainerId(string value) => ContainerIdPattern().IsMatch(value);

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex ContainerIdPattern();
}
