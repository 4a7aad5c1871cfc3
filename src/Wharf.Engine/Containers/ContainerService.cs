using System.Collections.Concurrent;
using Wharf.Core.Errors;
using Wharf.Engine.Images;
using Wharf.Engine.Runtime;
using Wharf.Engine.Runtime.Spec;
using Wharf.Engine.Snapshots;

namespace Wharf.Engine.Containers;

/// <summary>
/// The container lifecycle behind the daemon's container routes: create (image defaults merged, rootfs snapshot, host files),
/// start (mount, OCI spec, conmon + runc), stop/kill, wait, remove, exit handling, list/inspect, logs, attach, export, and
/// recovery of containers that kept running while the daemon was down. Containers are addressed by full ID, name or unique
/// ID prefix everywhere. State transitions of one container are serialised; the exit watcher records exits.
/// </summary>
public sealed partial class ContainerService : IDisposable
{
    private readonly EngineOptions _options;
    private readonly ContainerStore _store;
    private readonly IImageStore _images;
    private readonly ISnapshotter _snapshotter;
    private readonly IContainerRuntime _runtime;
    private readonly OciSpecBuilder _specBuilder;
    private readonly ContainerHostFiles _hostFiles;
    private readonly ContainerWaiters _waiters = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();
    private readonly ConcurrentDictionary<string, byte> _removing = new();
    private readonly CancellationTokenSource _shutdown = new();
    private int _disposed;

    /// <summary>Creates the service; it starts watching the runtime's exits at once.</summary>
    public ContainerService(EngineOptions options, ContainerStore store, IImageStore images, ISnapshotter snapshotter,
        IContainerRuntime runtime, ContainerHostFiles? hostFiles = null)
    {
        _options = options;
        _store = store;
        _images = images;
        _snapshotter = snapshotter;
        _runtime = runtime;
        _specBuilder = new OciSpecBuilder(options);
        _hostFiles = hostFiles ?? new ContainerHostFiles();
        _runtime.Exited += OnRuntimeExited;
    }

    /// <summary>Raised after each lifecycle change (create, start, die, kill, stop, destroy); handlers must not block.</summary>
    public event Action<ContainerEvent>? Event;

    /// <summary>The store this service writes (also the <see cref="IImageUsage"/> for image removal).</summary>
    public ContainerStore Store => _store;

    /// <summary>The container named by a full ID, name or unique ID prefix (404/400 as Docker).</summary>
    public ContainerRecord Get(string nameOrId) => _store.Resolve(nameOrId);

    /// <summary>The container directory: bundle (<c>config.json</c>), <c>rootfs/</c> mount point, log, host files, conmon's sockets.</summary>
    public string ContainerDirectory(string id) => Path.Combine(_options.DataRoot, "containers", id);

    private string RootfsDirectory(string id) => Path.Combine(ContainerDirectory(id), "rootfs");

    private string? RuntimePath(ContainerHostConfig hostConfig)
    {
        if (string.IsNullOrEmpty(hostConfig.Runtime))
        {
            return null;
        }
        return _options.Runtimes.TryGetValue(hostConfig.Runtime, out var path)
            ? path
            : throw new InvalidArgumentException($"Unknown runtime specified {hostConfig.Runtime}");
    }

    private async Task<IDisposable> LockAsync(string id, CancellationToken ct = default)
    {
        var gate = _locks.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        return new Releaser(gate);
    }

    private void Emit(string action, ContainerRecord container, params (string Key, string Value)[] extra)
    {
        var handler = Event;
        if (handler is null)
        {
            return;
        }
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in container.Config.Labels ?? new Dictionary<string, string>())
        {
            attributes[key] = value;
        }
        attributes["image"] = container.Image;
        attributes["name"] = container.Name;
        foreach (var (key, value) in extra)
        {
            attributes[key] = value;
        }
        try
        {
            handler(new ContainerEvent(action, container.Id, attributes, DateTimeOffset.UtcNow));
        }
        catch (Exception)
        {
            // A broken subscriber must not break the lifecycle.
        }
    }

    /// <summary>Stops watching exits; running containers keep running (they belong to conmon, not to us).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _runtime.Exited -= OnRuntimeExited;
        _shutdown.Cancel();
        _shutdown.Dispose();
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
