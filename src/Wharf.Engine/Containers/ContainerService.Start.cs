using Wharf.Core.Errors;
using Wharf.Engine.Runtime;
using Wharf.Engine.Runtime.Spec;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>Docker's exit code when a start failed for another reason than a missing or non-executable command.</summary>
    private const int ExitUnknown = 128;

    /// <summary>
    /// Starts a container: mounts its rootfs, writes the OCI spec, has conmon run <c>runc create</c>, connects pending attach
    /// clients (see <see cref="AttachAsync"/>) and <paramref name="beforeRuntimeStart"/>, then runs <c>runc start</c>.
    /// Already running → <see cref="NotModifiedException"/>. On failure the container keeps its state with ExitCode 127
    /// (command not found), 126 (not executable) or 128 and Error set, is cleaned up, and removed when AutoRemove; the
    /// runtime's error is rethrown (its text carries runc's message).
    /// </summary>
    public Task StartAsync(string nameOrId, Func<Task>? beforeRuntimeStart = null, CancellationToken ct = default) =>
        StartAsync(nameOrId, beforeRuntimeStart, policyStart: false, ct);

    /// <summary>StartAsync; <paramref name="policyStart"/> marks the restart manager's start (see <see cref="ShouldStart"/>).</summary>
    private async Task StartAsync(string nameOrId, Func<Task>? beforeRuntimeStart, bool policyStart, CancellationToken ct)
    {
        var id = _store.Resolve(nameOrId).Id;
        if (_removing.ContainsKey(id))
        {
            throw new ConflictException($"removal of container {id} is already in progress");
        }
        var autoRemove = false;
        Exception? failure = null;
        using (await LockAsync(id, ct).ConfigureAwait(false))
        {
            var container = _store.Get(id) ?? throw new NotFoundException($"No such container: {nameOrId}");
            if (!ShouldStart(container, policyStart))
            {
                return;
            }
            var runtimeCreated = false;
            try
            {
                var created = await CreateInRuntimeAsync(container, ct).ConfigureAwait(false);
                runtimeCreated = true;
                await ConnectPendingAttachesAsync(id, ct).ConfigureAwait(false);
                if (beforeRuntimeStart is not null)
                {
                    await beforeRuntimeStart().ConfigureAwait(false);
                }
                await _runtime.StartAsync(id, RuntimePath(container.HostConfig), ct).ConfigureAwait(false);
                container = container with
                {
                    State = container.State with
                    {
                        Status = ContainerStatus.Running,
                        Pid = created.Pid,
                        ExitCode = 0,
                        Error = "",
                        StartedAt = DateTimeOffset.UtcNow,
                        OomKilled = false,
                    },
                    ConmonPid = created.ConmonPid,
                };
                container = PrepareStarted(container, policyStart);
                _store.Update(container);
            }
            catch (Exception e)
            {
                failure = e;
                await CleanupFailedStartAsync(container, runtimeCreated).ConfigureAwait(false);
                var message = e.Message;
                var exitCode = StartFailureExitCode(e is RuntimeException runtimeError ? runtimeError.RuntimeMessage : message);
                // Docker keeps the status (created stays created) and records why the start failed.
                container = container with { State = container.State with { ExitCode = exitCode, Error = message, Pid = 0 }, ConmonPid = 0 };
                _store.Update(container);
                _waiters.CompleteExit(id, new ContainerWaitResult(exitCode, message));
                autoRemove = container.HostConfig.AutoRemove;
            }
            if (failure is null)
            {
                WatchExit(id);
                Emit("start", container);
                OnStarted(container);
            }
        }
        if (failure is not null)
        {
            if (autoRemove)
            {
                await TryAutoRemoveAsync(id).ConfigureAwait(false);
            }
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    /// <summary>Docker's mapping of a start error to an exit code (the CLI maps the same texts).</summary>
    public static int StartFailureExitCode(string message)
    {
        if (message.Contains("executable file not found", StringComparison.Ordinal) ||
            message.Contains("no such file or directory", StringComparison.Ordinal) ||
            message.Contains("not a directory", StringComparison.Ordinal))
        {
            return 127;
        }
        if (message.Contains("permission denied", StringComparison.Ordinal))
        {
            return 126;
        }
        return ExitUnknown;
    }

    private async Task<RuntimeCreateResult> CreateInRuntimeAsync(ContainerRecord container, CancellationToken ct)
    {
        var id = container.Id;
        var directory = ContainerDirectory(id);
        var rootfs = RootfsDirectory(id);
        // State of an earlier run whose delete failed would make runc refuse the ID.
        await TryRuntimeDeleteAsync(container).ConfigureAwait(false);
        RootfsMounter.Mount(_snapshotter.Mounts(id), rootfs);
        var user = UserResolver.Resolve(rootfs, container.Config.User);
        var networkNamespace = await SetUpNetworkingAsync(container, ct).ConfigureAwait(false);
        RefreshNetworkFiles(container);
        var spec = _specBuilder.Build(ApplyResources(container, rootfs, new ContainerSpecRequest
        {
            Id = id,
            RootfsPath = rootfs,
            Args = [container.Path, .. container.Args],
            Env = container.Config.Env ?? [],
            Cwd = container.Config.WorkingDir,
            User = user,
            Hostname = container.Config.Hostname,
            Domainname = container.Config.Domainname,
            Tty = container.Config.Tty,
            OpenStdin = container.Config.OpenStdin,
            ReadonlyRootfs = container.HostConfig.ReadonlyRootfs,
            Privileged = container.HostConfig.Privileged,
            CapAdd = container.HostConfig.CapAdd ?? [],
            CapDrop = container.HostConfig.CapDrop ?? [],
            NetworkMode = container.HostConfig.NetworkMode,
            NetworkNamespacePath = networkNamespace,
            Mounts =
            [
                new SpecMount(container.HostnamePath, "/etc/hostname"),
                new SpecMount(container.HostsPath, "/etc/hosts"),
                new SpecMount(container.ResolvConfPath, "/etc/resolv.conf"),
                .. StartMounts(container, rootfs),
            ],
            ShmSize = container.HostConfig.ShmSize,
            Init = container.HostConfig.Init ?? false,
        }));
        OciSpecBuilder.WriteConfig(spec, directory);
        return await _runtime.CreateAsync(new RuntimeCreateRequest
        {
            Id = id,
            BundleDir = directory,
            LogPath = container.LogPath,
            Tty = container.Config.Tty,
            OpenStdin = container.Config.OpenStdin,
            StdinOnce = container.Config.StdinOnce,
            RuntimePath = RuntimePath(container.HostConfig),
        }, ct).ConfigureAwait(false);
    }

    private async Task CleanupFailedStartAsync(ContainerRecord container, bool runtimeCreated)
    {
        FailPendingAttaches(container.Id, new ConflictException($"container {container.Id} failed to start"));
        MarkNotAttachable(container.Id);
        if (runtimeCreated)
        {
            await TryRuntimeDeleteAsync(container).ConfigureAwait(false);
        }
        TryUnmount(container.Id);
        UnmountShm(container.Id);
        UnmountVolumes(container);
        await TearDownNetworkingAsync(container.Id).ConfigureAwait(false);
    }

    private async Task TryRuntimeDeleteAsync(ContainerRecord container)
    {
        if (!RuntimeStateExists(container.Id))
        {
            // runc keeps one directory per container under its root; without it there is nothing to delete (saves a process spawn).
            return;
        }
        try
        {
            await _runtime.DeleteAsync(container.Id, force: true, RuntimePath(container.HostConfig)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WharfException or IOException or InvalidOperationException)
        {
        }
    }

    private bool RuntimeStateExists(string id) => Directory.Exists(Path.Combine(_options.RuntimeRoot, id));

    private void TryUnmount(string id)
    {
        try
        {
            RootfsMounter.Unmount(RootfsDirectory(id));
        }
        catch (IOException)
        {
        }
    }
}
