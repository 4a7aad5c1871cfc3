using Wharf.Core.Errors;
using Wharf.Engine.Filesystem;

namespace Wharf.Engine.Volumes;

public sealed partial class VolumeService
{
    private const string RemovingPrefix = ".removing-";

    /// <summary>
    /// Removes a volume and its data (<c>DELETE /volumes/{name}</c>). 409 <c>remove NAME: volume is in use - [ids]</c> while
    /// containers reference it, even with <paramref name="force"/>; a missing volume is 404 unless <paramref name="force"/>.
    /// </summary>
    public void Remove(string name, bool force = false)
    {
        lock (_lock)
        {
            if (TryGet(name) is not { } volume)
            {
                if (force)
                {
                    return;
                }
                throw NoSuchVolume(name);
            }
            RemoveLocked(volume);
        }
    }

    /// <summary>Removes unreferenced volumes: anonymous ones, or all with <see cref="VolumePruneOptions.All"/>, matching the labels.</summary>
    public VolumePruneResult Prune(VolumePruneOptions options)
    {
        var deleted = new List<string>();
        long reclaimed = 0;
        lock (_lock)
        {
            var refCounts = _store.RefCounts();
            foreach (var volume in _store.List())
            {
                if (refCounts.GetValueOrDefault(volume.Name) > 0 || (!options.All && !volume.Anonymous)
                    || !LabelMatcher.Matches(volume.Labels, options.Labels, options.NotLabels))
                {
                    continue;
                }
                var size = SizeOf(volume);
                try
                {
                    RemoveLocked(volume);
                }
                catch (WharfException)
                {
                    // Like moby, one volume that cannot go does not stop the prune.
                    continue;
                }
                deleted.Add(volume.Name);
                reclaimed += Math.Max(0, size);
            }
        }
        return new VolumePruneResult(deleted, reclaimed);
    }

    private void RemoveLocked(VolumeRecord volume)
    {
        var refs = _store.Refs(volume.Name);
        if (refs.Count > 0)
        {
            throw new ConflictException($"remove {volume.Name}: volume is in use - [{string.Join(", ", refs)}]");
        }
        var directory = Path.GetDirectoryName(volume.Mountpoint)!;
        UnmountData(volume);
        if (MountTable.MountsUnder(directory).Count > 0)
        {
            throw new WharfException(ErrorKind.Internal, $"remove {volume.Name}: volume directory {directory} still has mounts under it");
        }
        // Renamed aside first so the row and the directory disappear together as far as anyone can see; a crash after
        // the rename leaves only a trash directory that Recover deletes.
        var trash = Path.Combine(VolumesRoot, RemovingPrefix + volume.Name + "-" + Guid.NewGuid().ToString("N"));
        var moved = false;
        if (Directory.Exists(directory))
        {
            Directory.Move(directory, trash);
            moved = true;
        }
        try
        {
            _store.Delete(volume.Name);
        }
        catch
        {
            if (moved)
            {
                Directory.Move(trash, directory);
            }
            throw;
        }
        Wharf.Engine.Events.VolumeEvents.Publish(Events, "destroy", volume.Name, volume.Driver);
        if (moved)
        {
            DeleteTree(trash);
        }
    }

    /// <summary>Deletes a tree unless something is mounted under it (so a bind device's content is never followed).</summary>
    private static void DeleteTree(string path)
    {
        if (MountTable.MountsUnder(path).Count > 0)
        {
            return;
        }
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>Unmounts the device of a volume with options from <c>_data</c> if it is mounted there.</summary>
    private static void UnmountData(VolumeRecord volume)
    {
        if (volume.Options.Count == 0)
        {
            return;
        }
        for (var i = 0; i < 16 && MountTable.IsMountPoint(volume.Mountpoint); i++)
        {
            try
            {
                Syscalls.Unmount(volume.Mountpoint);
            }
            catch (IOException e) when (e.HResult == 16 /* EBUSY */)
            {
                // Nothing that Wharf tracks uses it any more; detach so stray users keep working until they let go.
                Syscalls.Unmount(volume.Mountpoint, Syscalls.UnmountDetach);
            }
            catch (IOException e)
            {
                throw new WharfException(ErrorKind.Internal, $"error while unmounting volume {volume.Name} at {volume.Mountpoint}: {e.Message}", e);
            }
        }
    }
}
