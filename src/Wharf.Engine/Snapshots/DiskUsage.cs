using Wharf.Engine.Filesystem;

namespace Wharf.Engine.Snapshots;

/// <summary>Sums the sizes of the regular files in a tree, counting hard-linked files once (what <c>docker ps -s</c> reports).</summary>
internal static class DiskUsage
{
    public static long Of(string root)
    {
        if (!Directory.Exists(root))
        {
            return 0;
        }
        long total = 0;
        var seen = new HashSet<(ulong, ulong)>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true };
        foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", options))
        {
            var status = Syscalls.TryLStat(path);
            if (status is { IsRegularFile: true } && (status.LinkCount == 1 || seen.Add((status.Device, status.Inode))))
            {
                total += status.Size;
            }
        }
        return total;
    }
}
