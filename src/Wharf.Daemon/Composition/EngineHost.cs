using System.Globalization;
using Wharf.Daemon.Configuration;
using Wharf.Daemon.Routers;
using Wharf.Daemon.Routers.Containers;
using Wharf.Daemon.Routers.Images;
using Wharf.Daemon.Routers.Networks;
using Wharf.Daemon.Routers.System;
using Wharf.Daemon.Routers.Volumes;
using Wharf.Engine;
using Wharf.Engine.Containers;
using Wharf.Engine.Content;
using Wharf.Engine.Events;
using Wharf.Engine.Filesystem;
using Wharf.Engine.Images;
using Wharf.Engine.Metadata;
using Wharf.Engine.Networks;
using Wharf.Engine.Networks.Linux;
using Wharf.Engine.Runtime.Conmon;
using Wharf.Engine.Snapshots;
using Wharf.Engine.Volumes;

namespace Wharf.Daemon.Composition;

/// <summary>
/// The composition root: builds the engine's services for one data root (metadata database with every schema, content
/// store, snapshotter, image store and service, runtime, container service), runs their recovery before the API listens,
/// and hands out the routers wired to them.
/// </summary>
public sealed class EngineHost : IDisposable, ISystemBackend
{
    private readonly List<IDisposable> _owned = [];

    private EngineHost(DaemonOptions options, EngineOptions engineOptions)
    {
        Options = options;
        EngineOptions = engineOptions;
        EngineId = LoadOrCreateEngineId(options.DataRoot);
    }

    /// <summary>The daemon options the engine was built from.</summary>
    public DaemonOptions Options { get; }

    /// <summary>The engine's options.</summary>
    public EngineOptions EngineOptions { get; }

    /// <summary>Stable identity of this data root (<c>/info</c> <c>ID</c>).</summary>
    public string EngineId { get; }

    /// <summary>Images.</summary>
    public ImageService Images { get; private set; } = null!;

    /// <summary>Containers.</summary>
    public ContainerService Containers { get; private set; } = null!;

    /// <summary>The daemon's event log behind <c>/events</c> (in memory, like Docker's).</summary>
    public EventLog Events { get; } = new();

    /// <summary>Storage driver name as Docker shows it.</summary>
    public string StorageDriverName => Options.StorageDriver is "" or "overlay" or "overlay2" or "overlayfs" ? "overlay2" : Options.StorageDriver;

    /// <summary>The routers of every API area, wired to this engine.</summary>
    public IReadOnlyList<IApiRouter> Routers { get; private set; } = [];

    /// <inheritdoc />
    public string StorageDriver => StorageDriverName;

    /// <inheritdoc />
    public IReadOnlyList<string[]> DriverStatus => StorageDriverName == "overlay2"
        ? [["Backing Filesystem", "extfs"], ["Supports d_type", "true"], ["Using metacopy", "false"], ["Native Overlay Diff", "true"], ["userxattr", "false"]]
        : [];

    /// <summary>Builds the engine and recovers its state (images, then containers) before the API listens.</summary>
    public static async Task<EngineHost> StartAsync(DaemonOptions options, CancellationToken ct = default)
    {
        var host = new EngineHost(options, options.ToEngineOptions());
        try
        {
            await host.ComposeAsync(ct);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return host;
    }

    private async Task ComposeAsync(CancellationToken ct)
    {
        var engine = EngineOptions;
        Directory.CreateDirectory(engine.DataRoot);
        Directory.CreateDirectory(engine.ExecRoot);
        var database = Own(new MetadataDatabase(engine.DatabasePath, [.. ImageSchema.AllStorageMigrations, .. ContainerSchema.Migrations, .. NetworkSchema.Migrations, .. VolumeSchema.Migrations]));
        var content = new ContentStore(Path.Combine(engine.DataRoot, "content"));
        var snapshotter = SnapshotterFactory.Create(engine, database);
        OwnIfDisposable(snapshotter);
        var deleter = Own(new DeferredDeleter(Path.Combine(engine.DataRoot, "trash")));
        snapshotter.Deleter = deleter;
        var containerStore = new ContainerStore(database);
        Images = new ImageService(database, content, snapshotter, containerStore) { Events = Events };
        await Images.RecoverAsync(ct);
        var runtime = new ConmonRuntime(engine);
        OwnIfDisposable(runtime);
        Containers = Own(new ContainerService(engine, containerStore, Images.Store, snapshotter, runtime));
        Containers.Deleter = deleter;
        Containers.Event += e => Events.Publish(EventTypes.Container, e.Action, e.Id, e.Attributes);
        // Networks come up before container recovery, which reconciles namespaces, veths and published ports with them.
        var networks = Own(new NetworkService(new NetworkStore(database), new IpNetworkHost(), NetworkFlags.ToNetworkOptions(Options)));
        networks.Dns = Own(new Wharf.Engine.Networks.Dns.EmbeddedDns());
        networks.Events = Events;
        await networks.InitializeAsync(ct);
        Containers.Networks = networks;
        Containers.HostGatewayIp = Options.HostGatewayIp;
        // Volumes come up before container recovery, which unmounts the volumes of containers that exited meanwhile.
        var volumes = new VolumeService(engine, database) { Events = Events };
        Containers.Volumes = volumes;
        await Containers.RecoverAsync(ct);
        volumes.Recover(id => containerStore.Get(id) is not null);
        Routers =
        [
            new SystemRouter(Options, this, EngineId),
            new ContainersRouter(Containers, StorageDriverName),
            new Routers.Exec.ExecRouter(Containers),
            new Routers.Events.EventsRouter(Events),
            new ImagesRouter(Images, StorageDriverName),
            new ImageOpsRouter(Containers, Images),
            new SystemDiskUsageRouter(Containers, Images, volumes),
            new VolumesRouter(volumes),
            new NetworksRouter(networks, id => containerStore.Get(id)?.Name, Containers),
        ];
    }

    /// <inheritdoc />
    public (int Total, int Running, int Paused, int Stopped) ContainerCounts()
    {
        var counts = Containers.Counts();
        return (counts.Total, counts.Running, counts.Paused, counts.Stopped);
    }

    /// <inheritdoc />
    public int ImageCount() => Images.Store.List().Count;

    /// <inheritdoc />
    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            try
            {
                _owned[i].Dispose();
            }
            catch (Exception)
            {
                // Best effort on shutdown: containers keep running under conmon regardless.
            }
        }
        _owned.Clear();
    }

    private T Own<T>(T item) where T : IDisposable
    {
        _owned.Add(item);
        return item;
    }

    private void OwnIfDisposable(object item)
    {
        if (item is IDisposable disposable)
        {
            _owned.Add(disposable);
        }
    }

    private static string LoadOrCreateEngineId(string dataRoot)
    {
        Directory.CreateDirectory(dataRoot);
        var path = Path.Combine(dataRoot, "engine-id");
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length > 0)
            {
                return existing;
            }
        }
        var id = Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture);
        File.WriteAllText(path, id);
        return id;
    }
}
