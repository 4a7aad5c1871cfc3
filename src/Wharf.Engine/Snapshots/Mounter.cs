using Wharf.Engine.Filesystem;
using Wharf.Engine.Runtime.Native;

namespace Wharf.Engine.Snapshots;

/// <summary>Performs the <see cref="Mount"/>s a snapshotter returns (bind or overlay) with <c>mount(2)</c>, and undoes them.</summary>
public static class Mounter
{
    /// <summary>Mounts <paramref name="mounts"/> in order onto <paramref name="target"/> (which must exist).</summary>
    public static void MountAll(IReadOnlyList<Mount> mounts, string target)
    {
        foreach (var mount in mounts)
        {
            var (flags, data) = ParseOptions(mount.Options);
            var isBind = mount.Type == "bind" || (flags & Syscalls.MountBind) != 0;
            if (isBind)
            {
                flags |= Syscalls.MountBind;
                Syscalls.Mount(mount.Source, target, null, flags & ~Syscalls.MountReadOnly, data);
                if ((flags & Syscalls.MountReadOnly) != 0)
                {
                    // A bind mount ignores MS_RDONLY on creation; read-only takes a remount.
                    Syscalls.Mount(null, target, null, Syscalls.MountRemount | Syscalls.MountBind | Syscalls.MountReadOnly, null);
                }
            }
            else
            {
                Syscalls.Mount(mount.Source, target, mount.Type, flags, data);
            }
        }
    }

    /// <summary>Unmounts everything stacked on <paramref name="target"/>.</summary>
    public static void UnmountAll(string target)
    {
        for (var i = 0; i < 64; i++)
        {
            try
            {
                Syscalls.Unmount(target);
            }
            catch (IOException e) when (e.HResult == LibC.EINVAL || e.HResult == LibC.ENOENT)
            {
                return;
            }
        }
    }

    /// <summary>Splits <c>mount -o</c> style options into flags and the file-system data string.</summary>
    public static (ulong Flags, string? Data) ParseOptions(IEnumerable<string> options)
    {
        ulong flags = 0;
        var data = new List<string>();
        foreach (var option in options)
        {
            switch (option)
            {
                case "ro": flags |= Syscalls.MountReadOnly; break;
                case "rw": flags &= ~Syscalls.MountReadOnly; break;
                case "bind": flags |= Syscalls.MountBind; break;
                case "rbind": flags |= Syscalls.MountBind | Syscalls.MountRecursive; break;
                case "nosuid": flags |= Syscalls.MountNoSuid; break;
                case "nodev": flags |= Syscalls.MountNoDev; break;
                case "noexec": flags |= Syscalls.MountNoExec; break;
                default: data.Add(option); break;
            }
        }
        return (flags, data.Count == 0 ? null : string.Join(',', data));
    }
}
