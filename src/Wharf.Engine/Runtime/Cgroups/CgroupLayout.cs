using System.Globalization;

namespace Wharf.Engine.Runtime.Cgroups;

/// <summary>
/// Where the cgroup hierarchies are mounted (v2: one unified tree; v1: one mount per controller set) and how a process's
/// <c>/proc/&lt;pid&gt;/cgroup</c> lines map to directories. All paths hang off <see cref="ProcRoot"/> and the mount table,
/// so tests run it on fixture trees.
/// </summary>
public sealed class CgroupLayout
{
    private readonly List<(string MountPoint, string Root, HashSet<string> Controllers)> _v1;

    /// <summary>A layout from a parsed mount table.</summary>
    public CgroupLayout(bool unified, string unifiedMount, IEnumerable<(string MountPoint, string Root, IEnumerable<string> Controllers)> v1Mounts, string procRoot = "/proc")
    {
        Unified = unified;
        UnifiedMount = unifiedMount;
        ProcRoot = procRoot;
        _v1 = v1Mounts.Select(m => (m.MountPoint, m.Root, new HashSet<string>(m.Controllers, StringComparer.Ordinal))).ToList();
    }

    /// <summary>True on a pure cgroup v2 host.</summary>
    public bool Unified { get; }

    /// <summary>Mount point of the v2 tree (<c>/sys/fs/cgroup</c>).</summary>
    public string UnifiedMount { get; }

    /// <summary>The <c>/proc</c> to read processes from.</summary>
    public string ProcRoot { get; }

    /// <summary>This host's layout, from <c>/proc/self/mountinfo</c>.</summary>
    public static CgroupLayout Detect()
    {
        var unified = File.Exists("/sys/fs/cgroup/cgroup.controllers");
        var lines = File.Exists("/proc/self/mountinfo") ? File.ReadAllLines("/proc/self/mountinfo") : [];
        return FromMountInfo(unified, "/sys/fs/cgroup", lines);
    }

    /// <summary>Parses mountinfo lines: fields 4 (root) and 5 (mount point), and after <c> - </c> the type and super options.</summary>
    public static CgroupLayout FromMountInfo(bool unified, string unifiedMount, IEnumerable<string> mountInfo, string procRoot = "/proc")
    {
        var v1 = new List<(string, string, IEnumerable<string>)>();
        foreach (var line in mountInfo)
        {
            var sep = line.IndexOf(" - ", StringComparison.Ordinal);
            if (sep < 0)
                continue;
            var left = line[..sep].Split(' ');
            var right = line[(sep + 3)..].Split(' ');
            if (left.Length < 5 || right.Length < 3 || right[0] != "cgroup")
                continue;
            var controllers = right[2].Split(',').Where(o => o is not ("rw" or "ro") && !o.StartsWith("release_agent", StringComparison.Ordinal)
                && o is not ("clone_children" or "noprefix" or "xattr" or "nsdelegate"));
            v1.Add((Unescape(left[4]), Unescape(left[3]), controllers.ToList()));
        }
        return new CgroupLayout(unified, unifiedMount, v1, procRoot);
    }

    /// <summary>The v1 mount point of a controller's hierarchy (e.g. <c>memory</c>), or null.</summary>
    public string? ControllerMount(string controller) =>
        _v1.FirstOrDefault(m => m.Controllers.Contains(controller)).MountPoint;

    /// <summary>The cgroup directories of process <paramref name="pid"/>, or null when it is gone.</summary>
    public CgroupDirectories? ForProcess(int pid)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(Path.Combine(ProcRoot, pid.ToString(CultureInfo.InvariantCulture), "cgroup"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return Resolve(lines);
    }

    /// <summary>Maps <c>/proc/&lt;pid&gt;/cgroup</c> lines (<c>id:controllers:path</c>) to directories.</summary>
    public CgroupDirectories Resolve(IEnumerable<string> procCgroupLines)
    {
        var dirs = new Dictionary<string, string>(StringComparer.Ordinal);
        string? unifiedDir = null;
        foreach (var line in procCgroupLines)
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3)
                continue;
            if (parts[1].Length == 0)
            {
                if (Unified)
                    unifiedDir = Join(UnifiedMount, "/", parts[2]);
                continue;
            }
            foreach (var controller in parts[1].Split(','))
            {
                var mount = _v1.FirstOrDefault(m => m.Controllers.Contains(controller));
                if (mount.MountPoint != null)
                    dirs[controller] = Join(mount.MountPoint, mount.Root, parts[2]);
            }
        }
        return new CgroupDirectories(Unified, unifiedDir, dirs);
    }

    private static string Join(string mountPoint, string mountRoot, string path)
    {
        var relative = path;
        if (mountRoot != "/" && relative.StartsWith(mountRoot, StringComparison.Ordinal))
            relative = relative[mountRoot.Length..];
        return Path.Join(mountPoint, relative.TrimStart('/')).TrimEnd('/');
    }

    private static string Unescape(string s) => s.Replace("\\040", " ", StringComparison.Ordinal);
}
