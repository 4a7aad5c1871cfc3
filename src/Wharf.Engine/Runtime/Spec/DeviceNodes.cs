using System.Runtime.InteropServices;
using Wharf.Core.Errors;

namespace Wharf.Engine.Runtime.Spec;

/// <summary>Host device nodes as OCI devices (<c>--device</c>, <c>--privileged</c>), read with statx(2) whose layout is the same on every architecture.</summary>
public static unsafe partial class DeviceNodes
{
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxSize = 256;
    private const uint SIfmt = 0xF000;
    private const uint SIfchr = 0x2000;
    private const uint SIfblk = 0x6000;
    private const uint SIfifo = 0x1000;

    // Docker skips these when it copies the host's /dev for --privileged.
    private static readonly string[] s_privilegedSkip = ["/dev/pts", "/dev/shm", "/dev/fd", "/dev/mqueue", "/dev/.lxc", "/dev/.lxd-mounts", "/dev/.udev"];

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    /// <summary>The device at <paramref name="path"/>, or null when it is not a character/block/fifo node.</summary>
    public static OciDevice? Stat(string path, string containerPath, bool followSymlinks = true)
    {
        var buffer = stackalloc byte[StatxSize];
        if (statx(-100, path, followSymlinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
            return null;
        var mode = (uint)*(ushort*)(buffer + 28);
        var type = (mode & SIfmt) switch
        {
            SIfchr => "c",
            SIfblk => "b",
            SIfifo => "p",
            _ => null,
        };
        if (type == null)
            return null;
        return new OciDevice
        {
            Path = containerPath,
            Type = type,
            Major = *(uint*)(buffer + 128),
            Minor = *(uint*)(buffer + 132),
            FileMode = mode & 0xFFF,
            Uid = *(uint*)(buffer + 20),
            Gid = *(uint*)(buffer + 24),
        };
    }

    /// <summary>
    /// Docker's <c>--device host[:container][:perms]</c>: one node, or every node below a directory (mapped below the
    /// container path). Missing path → Docker's <c>error gathering device information while adding custom device</c>.
    /// </summary>
    public static List<OciDevice> FromUserPath(string hostPath, string containerPath)
    {
        if (string.IsNullOrEmpty(containerPath))
            containerPath = hostPath;
        string resolved;
        try
        {
            resolved = File.ResolveLinkTarget(hostPath, returnFinalTarget: true)?.FullName ?? hostPath;
        }
        catch (IOException)
        {
            resolved = hostPath;
        }
        if (Stat(resolved, containerPath) is { } device)
            return [device];
        if (Directory.Exists(resolved))
        {
            var list = new List<OciDevice>();
            foreach (var file in Directory.EnumerateFiles(resolved, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true }))
            {
                var rel = Path.GetRelativePath(resolved, file);
                if (Stat(file, Path.Combine(containerPath, rel), followSymlinks: false) is { } node)
                    list.Add(node);
            }
            if (list.Count > 0)
                return list;
        }
        if (!File.Exists(resolved) && !Directory.Exists(resolved))
            throw new InvalidArgumentException($"error gathering device information while adding custom device \"{hostPath}\": no such file or directory");
        throw new InvalidArgumentException($"error gathering device information while adding custom device \"{hostPath}\": not a device node");
    }

    /// <summary>Every device node of the host's <c>/dev</c> (what <c>--privileged</c> exposes), without the ones Docker leaves out.</summary>
    public static List<OciDevice> Host(string root = "/dev")
    {
        var list = new List<OciDevice>();
        Walk(root, list);
        return list;
    }

    private static void Walk(string dir, List<OciDevice> list)
    {
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var entry in entries)
        {
            if (s_privilegedSkip.Contains(entry) || entry == "/dev/console")
                continue;
            var info = new FileInfo(entry);
            if (info.LinkTarget != null)
                continue;
            if ((info.Attributes & FileAttributes.Directory) != 0)
            {
                Walk(entry, list);
                continue;
            }
            if (Stat(entry, entry, followSymlinks: false) is { Type: not "p" } device)
                list.Add(device);
        }
    }
}
