using Wharf.Engine.Filesystem;
using Wharf.Core.Errors;

namespace Wharf.Engine.Volumes;

public sealed partial class VolumeService
{
    /// <summary>
    /// Reconciles after a restart or crash: drops references and mounts of containers that no longer exist (when
    /// <paramref name="containerExists"/> is given), unmounts devices nobody uses, remounts those still in use, and deletes
    /// directories left by an interrupted remove. Returns one message per problem it could not fix.
    /// </summary>
    public IReadOnlyList<string> Recover(Func<string, bool>? containerExists = null)
    {
        var problems = new List<string>();
        lock (_lock)
        {
            if (containerExists is not null)
            {
                foreach (var containerId in _store.ReferencingContainers())
                {
                    if (!containerExists(containerId))
                    {
                        foreach (var name in _store.VolumesReferencedBy(containerId))
                        {
                            _store.RemoveRef(name, containerId);
                        }
                    }
                }
            }
            foreach (var volume in _store.List())
            {
                if (LocalVolumeOptions.Parse(volume.Name, volume.Options) is not { } options)
                {
                    continue;
                }
                try
                {
                    var inUse = _store.Mounts(volume.Name).Count > 0;
                    var mounted = MountTable.IsMountPoint(volume.Mountpoint);
                    if (!inUse && mounted)
                    {
                        UnmountData(volume);
                    }
                    else if (inUse && !mounted)
                    {
                        Directory.CreateDirectory(volume.Mountpoint);
                        options.MountOnto(volume.Mountpoint);
                    }
                }
                catch (Exception e) when (e is WharfException or IOException)
                {
                    problems.Add($"volume {volume.Name}: {e.Message}");
                }
            }
            foreach (var leftover in Directory.EnumerateDirectories(VolumesRoot, RemovingPrefix + "*"))
            {
                try
                {
                    DeleteTree(leftover);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problems.Add($"{leftover}: {e.Message}");
                }
            }
        }
        return problems;
    }
}
