using Wharf.Core.Errors;
using Wharf.Engine.Metadata;

namespace Wharf.Engine.Volumes;

/// <summary>
/// Volumes of the <c>local</c> driver. Vocabulary: a volume is <em>referenced</em> by every container that names it
/// (created or running; a referenced volume cannot be removed or pruned — <see cref="Acquire"/>/<see cref="Release"/>) and
/// <em>mounted</em> by every running container (<see cref="Mount"/>/<see cref="Unmount"/>). A volume with driver options
/// (<c>type</c>/<c>device</c>/<c>o</c>) has its device mounted on <c>_data</c> while at least one container has it mounted.
/// References and mounts are rows in SQLite, so a crash never loses who uses what; <see cref="Recover"/> reconciles.
/// </summary>
public sealed partial class VolumeService
{
    /// <summary>The only driver.</summary>
    public const string LocalDriver = "local";

    private readonly VolumeStore _store;
    private readonly Lock _lock = new();

    /// <summary>Creates the service over <paramref name="database"/> (which must include <see cref="VolumeSchema.Migrations"/>).</summary>
    public VolumeService(EngineOptions options, MetadataDatabase database)
    {
        VolumesRoot = Path.Combine(options.DataRoot, "volumes");
        Directory.CreateDirectory(VolumesRoot);
        _store = new VolumeStore(database, VolumesRoot);
    }

    /// <summary><c>&lt;data-root&gt;/volumes</c>.</summary>
    public string VolumesRoot { get; }

    /// <summary>The volume named <paramref name="name"/>; 404 <c>get NAME: no such volume</c> when missing.</summary>
    public VolumeRecord Get(string name) => TryGet(name) ?? throw NoSuchVolume(name);

    /// <summary>The volume named <paramref name="name"/>, or null.</summary>
    public VolumeRecord? TryGet(string name) => string.IsNullOrEmpty(name) ? null : _store.Get(name);

    /// <summary>Volumes matching <paramref name="filter"/>, by name.</summary>
    public IReadOnlyList<VolumeRecord> List(VolumeListFilter? filter = null)
    {
        var volumes = _store.List();
        if (filter is null)
        {
            return volumes;
        }
        var refCounts = _store.RefCounts();
        return volumes.Where(v => Matches(v, filter, refCounts.GetValueOrDefault(v.Name))).ToList();
    }

    /// <summary>Containers that reference <paramref name="name"/> (empty when none; 404 when the volume is missing).</summary>
    public IReadOnlyList<string> UsedBy(string name)
    {
        Get(name);
        return _store.Refs(name);
    }

    /// <summary>Disk use and reference count of one volume (<c>system df</c>).</summary>
    public VolumeUsage Usage(string name)
    {
        var volume = Get(name);
        return new VolumeUsage(SizeOf(volume), _store.Refs(name).Count);
    }

    /// <summary>Every volume with its disk use and reference count (<c>GET /system/df</c>), by name.</summary>
    public IReadOnlyList<(VolumeRecord Volume, VolumeUsage Usage)> ListWithUsage()
    {
        var refCounts = _store.RefCounts();
        return _store.List().Select(v => (v, new VolumeUsage(SizeOf(v), refCounts.GetValueOrDefault(v.Name)))).ToList();
    }

    private static bool Matches(VolumeRecord volume, VolumeListFilter filter, int refCount)
    {
        if (filter.Dangling is { } dangling && dangling != (refCount == 0))
        {
            return false;
        }
        if (filter.Names.Count > 0 && !filter.Names.Any(n => volume.Name.Contains(n, StringComparison.Ordinal)))
        {
            return false;
        }
        if (filter.Drivers.Count > 0 && !filter.Drivers.Contains(volume.Driver, StringComparer.Ordinal))
        {
            return false;
        }
        return LabelMatcher.Matches(volume.Labels, filter.Labels, filter.NotLabels);
    }

    private static long SizeOf(VolumeRecord volume)
    {
        try
        {
            return Snapshots.DiskUsage.Of(volume.Mountpoint);
        }
        catch (IOException)
        {
            return -1;
        }
        catch (UnauthorizedAccessException)
        {
            return -1;
        }
    }

    private static NotFoundException NoSuchVolume(string name) => new($"get {name}: no such volume");
}
