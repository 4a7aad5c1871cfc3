namespace Wharf.Engine.Filesystem;

/// <summary>What <c>lstat</c> says about a path (never follows a final symlink).</summary>
public sealed record FileStatus
{
    /// <summary>Full <c>st_mode</c>: type bits plus permission, setuid, setgid and sticky bits.</summary>
    public required uint Mode { get; init; }
    /// <summary>Owner user ID.</summary>
    public required uint Uid { get; init; }
    /// <summary>Owner group ID.</summary>
    public required uint Gid { get; init; }
    /// <summary>Size in bytes.</summary>
    public required long Size { get; init; }
    /// <summary>Inode number.</summary>
    public required ulong Inode { get; init; }
    /// <summary>Device the inode lives on (major, minor packed as <c>major &lt;&lt; 32 | minor</c>).</summary>
    public required ulong Device { get; init; }
    /// <summary>Number of hard links.</summary>
    public required uint LinkCount { get; init; }
    /// <summary>Major number of a device node.</summary>
    public required uint DeviceMajor { get; init; }
    /// <summary>Minor number of a device node.</summary>
    public required uint DeviceMinor { get; init; }
    /// <summary>Modification time.</summary>
    public required DateTimeOffset ModificationTime { get; init; }

    /// <summary>The file type bits (<c>S_IFMT</c>).</summary>
    public uint Type => Mode & FileTypes.Mask;
    /// <summary>Permission bits including setuid, setgid, sticky (<c>07777</c>).</summary>
    public uint Permissions => Mode & 0xFFF;
    /// <summary>Whether this is a directory.</summary>
    public bool IsDirectory => Type == FileTypes.Directory;
    /// <summary>Whether this is a regular file.</summary>
    public bool IsRegularFile => Type == FileTypes.Regular;
    /// <summary>Whether this is a symbolic link.</summary>
    public bool IsSymlink => Type == FileTypes.Symlink;
    /// <summary>Whether this is an overlayfs whiteout (character device 0/0).</summary>
    public bool IsOverlayWhiteout => Type == FileTypes.CharDevice && DeviceMajor == 0 && DeviceMinor == 0;
}

/// <summary>The <c>S_IF*</c> file type bits.</summary>
public static class FileTypes
{
    /// <summary><c>S_IFMT</c>.</summary>
    public const uint Mask = 0xF000;
    /// <summary><c>S_IFSOCK</c>.</summary>
    public const uint Socket = 0xC000;
    /// <summary><c>S_IFLNK</c>.</summary>
    public const uint Symlink = 0xA000;
    /// <summary><c>S_IFREG</c>.</summary>
    public const uint Regular = 0x8000;
    /// <summary><c>S_IFBLK</c>.</summary>
    public const uint BlockDevice = 0x6000;
    /// <summary><c>S_IFDIR</c>.</summary>
    public const uint Directory = 0x4000;
    /// <summary><c>S_IFCHR</c>.</summary>
    public const uint CharDevice = 0x2000;
    /// <summary><c>S_IFIFO</c>.</summary>
    public const uint Fifo = 0x1000;
}
