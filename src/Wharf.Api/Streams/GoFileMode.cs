namespace Wharf.Api.Streams;

/// <summary>Go's <c>os.FileMode</c> bits, as the <c>mode</c> of the container path-stat header uses them, and conversion from and to Unix <c>st_mode</c>.</summary>
public static class GoFileMode
{
    /// <summary>Directory.</summary>
    public const uint Dir = 1u << 31;
    /// <summary>Append-only.</summary>
    public const uint Append = 1u << 30;
    /// <summary>Exclusive use.</summary>
    public const uint Exclusive = 1u << 29;
    /// <summary>Temporary file.</summary>
    public const uint Temporary = 1u << 28;
    /// <summary>Symbolic link.</summary>
    public const uint Symlink = 1u << 27;
    /// <summary>Device.</summary>
    public const uint Device = 1u << 26;
    /// <summary>Named pipe.</summary>
    public const uint NamedPipe = 1u << 25;
    /// <summary>Unix socket.</summary>
    public const uint Socket = 1u << 24;
    /// <summary>setuid.</summary>
    public const uint Setuid = 1u << 23;
    /// <summary>setgid.</summary>
    public const uint Setgid = 1u << 22;
    /// <summary>Character device (with <see cref="Device"/>).</summary>
    public const uint CharDevice = 1u << 21;
    /// <summary>Sticky.</summary>
    public const uint Sticky = 1u << 20;
    /// <summary>Irregular file.</summary>
    public const uint Irregular = 1u << 19;
    /// <summary>Permission bits.</summary>
    public const uint Perm = 0x1FF;

    private const uint SIfmt = 0xF000, SIfsock = 0xC000, SIflnk = 0xA000, SIfreg = 0x8000, SIfblk = 0x6000, SIfdir = 0x4000, SIfchr = 0x2000, SIfifo = 0x1000;

    /// <summary>Converts a Unix <c>st_mode</c> (type + permission bits) into Go's <c>FileMode</c>.</summary>
    public static uint FromUnix(uint stMode)
    {
        var mode = stMode & Perm;
        mode |= (stMode & SIfmt) switch
        {
            SIfdir => Dir,
            SIflnk => Symlink,
            SIfblk => Device,
            SIfchr => Device | CharDevice,
            SIfifo => NamedPipe,
            SIfsock => Socket,
            _ => 0u,
        };
        if ((stMode & 0x800) != 0) mode |= Setuid;
        if ((stMode & 0x400) != 0) mode |= Setgid;
        if ((stMode & 0x200) != 0) mode |= Sticky;
        return mode;
    }

    /// <summary>Converts Go's <c>FileMode</c> back into a Unix <c>st_mode</c>.</summary>
    public static uint ToUnix(uint goMode)
    {
        var mode = goMode & Perm;
        if ((goMode & Dir) != 0) mode |= SIfdir;
        else if ((goMode & Symlink) != 0) mode |= SIflnk;
        else if ((goMode & NamedPipe) != 0) mode |= SIfifo;
        else if ((goMode & Socket) != 0) mode |= SIfsock;
        else if ((goMode & Device) != 0) mode |= (goMode & CharDevice) != 0 ? SIfchr : SIfblk;
        else mode |= SIfreg;
        if ((goMode & Setuid) != 0) mode |= 0x800;
        if ((goMode & Setgid) != 0) mode |= 0x400;
        if ((goMode & Sticky) != 0) mode |= 0x200;
        return mode;
    }

    /// <summary>True when the mode describes a directory.</summary>
    public static bool IsDir(uint goMode) => (goMode & Dir) != 0;

    /// <summary>True when the mode describes a symbolic link.</summary>
    public static bool IsSymlink(uint goMode) => (goMode & Symlink) != 0;
}
