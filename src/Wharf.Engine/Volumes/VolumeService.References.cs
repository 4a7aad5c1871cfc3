using Wharf.Engine.Filesystem;
namespace Wharf.Engine.Volumes;

public sealed partial class VolumeService
{
    /// <summary>Records that container <paramref name="containerId"/> references the volume (blocks rm/prune); 404 when missing.</summary>
    public VolumeRecord Acquire(string name, string containerId)
    {
        lock (_lock)
        {
            var volume = Get(name);
            if (!_store.AddRef(name, containerId, mounted: false))
            {
                throw NoSuchVolume(name);
            }
            return volume;
        }
    }

    /// <summary>Drops the container's reference (and its mount, unmounting the device when it was the last user). No-op when absent.</summary>
    public void Release(string name, string containerId)
    {
        lock (_lock)
        {
            if (TryGet(name) is not { } volume)
            {
                return;
            }
            _store.RemoveRef(name, containerId);
            if (_store.Mounts(name).Count == 0)
            {
                UnmountData(volume);
            }
        }
    }

    /// <summary>
    /// Releases every volume the container references (container removal); with <paramref name="removeAnonymous"/>
    /// (<c>rm -v</c>) anonymous volumes nobody else references are removed. Returns the names removed.
    /// </summary>
    public IReadOnlyList<string> ReleaseAll(string containerId, bool removeAnonymous)
    {
        var removed = new List<string>();
        lock (_lock)
        {
            foreach (var name in _store.VolumesReferencedBy(containerId))
            {
                Release(name, containerId);
                if (removeAnonymous && TryGet(name) is { Anonymous: true } volume && _store.Refs(name).Count == 0)
                {
                    RemoveLocked(volume);
                    removed.Add(name);
                }
            }
        }
        return removed;
    }

    /// <summary>
    /// Makes the volume's data available for a starting container and returns the host path to bind into it: the device of a
    /// volume with options is mounted on <c>_data</c> by the first user. Also records a reference.
    /// </summary>
    public string Mount(string name, string containerId)
    {
        lock (_lock)
        {
            var volume = Get(name);
            if (LocalVolumeOptions.Parse(name, volume.Options) is { } options && !MountTable.IsMountPoint(volume.Mountpoint))
            {
                Directory.CreateDirectory(volume.Mountpoint);
                options.MountOnto(volume.Mountpoint);
            }
            // Mounted before it is recorded: a crash in between leaves a mount without users, which Recover undoes.
            if (!_store.AddRef(name, containerId, mounted: true))
            {
                UnmountData(volume);
                throw NoSuchVolume(name);
            }
            return volume.Mountpoint;
        }
    }

    /// <summary>The container stopped using the volume's data; the last one out unmounts the device. The reference stays.</summary>
    public void Unmount(string name, string containerId)
    {
        lock (_lock)
        {
            if (TryGet(name) is not { } volume)
            {
                return;
            }
            _store.RemoveMount(name, containerId);
            if (_store.Mounts(name).Count == 0)
            {
                UnmountData(volume);
            }
        }
    }

    /// <summary>Containers that have the volume mounted right now.</summary>
    public IReadOnlyList<string> MountedBy(string name)
    {
        Get(name);
        return _store.Mounts(name);
    }
}
