using System.Runtime.InteropServices;
using System.Text;
using Wharf.Engine.Runtime.Native;

namespace Wharf.Engine.Filesystem;

/// <summary>The privileged and metadata-level file system calls Wharf needs that .NET lacks; each throws <see cref="IOException"/> with errno on failure.</summary>
public static unsafe class Syscalls
{
    /// <summary><c>MS_RDONLY</c>.</summary>
    public const ulong MountReadOnly = 0x1;
    /// <summary><c>MS_NOSUID</c>.</summary>
    public const ulong MountNoSuid = 0x2;
    /// <summary><c>MS_NODEV</c>.</summary>
    public const ulong MountNoDev = 0x4;
    /// <summary><c>MS_NOEXEC</c>.</summary>
    public const ulong MountNoExec = 0x8;
    /// <summary><c>MS_REMOUNT</c>.</summary>
    public const ulong MountRemount = 0x20;
    /// <summary><c>MS_BIND</c>.</summary>
    public const ulong MountBind = 0x1000;
    /// <summary><c>MS_REC</c>.</summary>
    public const ulong MountRecursive = 0x4000;
    /// <summary><c>MS_PRIVATE</c>.</summary>
    public const ulong MountPrivate = 0x40000;
    /// <summary><c>MNT_DETACH</c> for <see cref="Unmount"/>.</summary>
    public const int UnmountDetach = 0x2;

    /// <summary>Packs a device number as glibc's <c>makedev</c>.</summary>
    public static ulong MakeDevice(uint major, uint minor) =>
        ((ulong)(major & 0xfffff000) << 32) | ((ulong)(major & 0xfff) << 8) | ((ulong)(minor & 0xffffff00) << 12) | (minor & 0xff);

    /// <summary><c>mknod(path, type|perm, makedev(major, minor))</c>.</summary>
    public static void MakeNode(string path, uint mode, uint major, uint minor) =>
        Check(LibC.mknod(path, mode, MakeDevice(major, minor)), "mknod", path);

    /// <summary><c>lchown</c>: changes ownership without following a final symlink.</summary>
    public static void LChown(string path, uint uid, uint gid) => Check(LibC.lchown(path, uid, gid), "lchown", path);

    /// <summary><c>chmod</c> with all twelve permission bits (setuid, setgid, sticky).</summary>
    public static void Chmod(string path, uint mode) => Check(LibC.chmod(path, mode & 0xFFF), "chmod", path);

    /// <summary><c>link(2)</c>: a hard link <paramref name="newPath"/> to <paramref name="existingPath"/>.</summary>
    public static void HardLink(string existingPath, string newPath) => Check(LibC.link(existingPath, newPath), "link", newPath);

    /// <summary>Sets access and modification time without following a final symlink.</summary>
    public static void SetTimes(string path, DateTimeOffset modified, DateTimeOffset? accessed = null)
    {
        var times = stackalloc LibC.Timespec[2];
        times[0] = ToTimespec(accessed ?? modified);
        times[1] = ToTimespec(modified);
        Check(LibC.utimensat(LibC.AtFdCwd, path, times, LibC.AtSymlinkNoFollow), "utimensat", path);
    }

    /// <summary><c>lstat</c> via <c>statx</c>; null when the path does not exist.</summary>
    public static FileStatus? TryLStat(string path)
    {
        LibC.StatxBuffer buffer;
        if (LibC.statx(LibC.AtFdCwd, path, LibC.AtSymlinkNoFollow, 0x7ff, &buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is LibC.ENOENT or 20 /* ENOTDIR */)
            {
                return null;
            }
            throw Error(errno, "statx", path);
        }
        return new FileStatus
        {
            Mode = buffer.Mode,
            Uid = buffer.Uid,
            Gid = buffer.Gid,
            Size = (long)buffer.Size,
            Inode = buffer.Inode,
            Device = ((ulong)buffer.DevMajor << 32) | buffer.DevMinor,
            LinkCount = buffer.LinkCount,
            DeviceMajor = buffer.RdevMajor,
            DeviceMinor = buffer.RdevMinor,
            ModificationTime = DateTimeOffset.FromUnixTimeSeconds(buffer.ModificationTime.Seconds).AddTicks(buffer.ModificationTime.Nanoseconds / 100),
        };
    }

    /// <summary><c>lstat</c>; throws <see cref="FileNotFoundException"/> when missing.</summary>
    public static FileStatus LStat(string path) => TryLStat(path) ?? throw new FileNotFoundException($"lstat {path}: no such file or directory", path);

    /// <summary>Sets an extended attribute on the path itself (not a symlink's target).</summary>
    public static void LSetXattr(string path, string name, ReadOnlySpan<byte> value)
    {
        fixed (byte* p = value)
        {
            Check(LibC.lsetxattr(path, name, p, (nuint)value.Length, 0), $"lsetxattr {name}", path);
        }
    }

    /// <summary>Reads an extended attribute; null when the path does not have it.</summary>
    public static byte[]? LGetXattr(string path, string name)
    {
        while (true)
        {
            var size = LibC.lgetxattr(path, name, null, 0);
            if (size < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno is LibC.ENODATA or LibC.EOPNOTSUPP)
                {
                    return null;
                }
                throw Error(errno, $"lgetxattr {name}", path);
            }
            var buffer = new byte[size];
            fixed (byte* p = buffer)
            {
                var read = size == 0 ? 0 : LibC.lgetxattr(path, name, p, (nuint)buffer.Length);
                if (read >= 0)
                {
                    return read == buffer.Length ? buffer : buffer[..(int)read];
                }
                var errno = Marshal.GetLastPInvokeError();
                if (errno != LibC.ERANGE)
                {
                    throw Error(errno, $"lgetxattr {name}", path);
                }
            }
        }
    }

    /// <summary>Names of the extended attributes of the path itself.</summary>
    public static IReadOnlyList<string> LListXattr(string path)
    {
        while (true)
        {
            var size = LibC.llistxattr(path, null, 0);
            if (size < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == LibC.EOPNOTSUPP)
                {
                    return [];
                }
                throw Error(errno, "llistxattr", path);
            }
            if (size == 0)
            {
                return [];
            }
            var buffer = new byte[size];
            fixed (byte* p = buffer)
            {
                var read = LibC.llistxattr(path, p, (nuint)buffer.Length);
                if (read < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == LibC.ERANGE)
                    {
                        continue;
                    }
                    throw Error(errno, "llistxattr", path);
                }
                return Encoding.UTF8.GetString(buffer, 0, (int)read).Split('\0', StringSplitOptions.RemoveEmptyEntries);
            }
        }
    }

    /// <summary><c>mount(2)</c>.</summary>
    public static void Mount(string? source, string target, string? fileSystemType, ulong flags, string? data) =>
        Check(LibC.mount(source, target, fileSystemType, flags, data), $"mount {source} ({fileSystemType})", target);

    /// <summary><c>umount2(2)</c>.</summary>
    public static void Unmount(string target, int flags = 0) => Check(LibC.umount2(target, flags), "umount", target);

    /// <summary><c>fsync</c> of an open file (data and metadata).</summary>
    public static void Fsync(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            Check(LibC.fsync((int)handle.DangerousGetHandle()), "fsync", "");
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>Flushes a directory's entries (after a rename) to disk.</summary>
    public static void FsyncDirectory(string path)
    {
        var fd = LibC.open(path, LibC.ODirectoryReadOnly);
        if (fd < 0)
        {
            throw Error(Marshal.GetLastPInvokeError(), "open", path);
        }
        try
        {
            Check(LibC.fsync(fd), "fsync", path);
        }
        finally
        {
            LibC.close(fd);
        }
    }

    private static LibC.Timespec ToTimespec(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rest);
        if (rest < 0)
        {
            seconds--;
            rest += TimeSpan.TicksPerSecond;
        }
        return new LibC.Timespec { Seconds = seconds, Nanoseconds = rest * 100 };
    }

    private static void Check(int result, string operation, string path)
    {
        if (result != 0)
        {
            throw Error(Marshal.GetLastPInvokeError(), operation, path);
        }
    }

    private static IOException Error(int errno, string operation, string path) =>
        new($"{operation} {path}: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
}
