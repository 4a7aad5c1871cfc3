using System.Globalization;
using System.Runtime.InteropServices;

namespace Wharf.Daemon.Hosting;

/// <summary>Facts about the host that <c>/info</c> and <c>/version</c> report.</summary>
public static class HostFacts
{
    /// <summary>Kernel release (<c>uname -r</c>).</summary>
    public static string KernelVersion => ReadTrimmed("/proc/sys/kernel/osrelease");

    /// <summary>Distribution name (<c>PRETTY_NAME</c> of os-release).</summary>
    public static string OperatingSystem => OsRelease("PRETTY_NAME") ?? "Linux";

    /// <summary>Distribution version (<c>VERSION_ID</c>).</summary>
    public static string OsVersion => OsRelease("VERSION_ID") ?? "";

    /// <summary>Kernel architecture name (<c>uname -m</c>).</summary>
    public static string Machine => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "x86_64",
        Architecture.Arm64 => "aarch64",
        Architecture.Arm => "armv7l",
        Architecture.X86 => "i686",
        var other => other.ToString().ToLowerInvariant(),
    };

    /// <summary>Go's architecture name (<c>amd64</c>, <c>arm64</c>).</summary>
    public static string GoArch => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        Architecture.Arm => "arm",
        Architecture.X86 => "386",
        var other => other.ToString().ToLowerInvariant(),
    };

    /// <summary>Total memory in bytes (<c>MemTotal</c> of /proc/meminfo).</summary>
    public static long MemTotal
    {
        get
        {
            try
            {
                foreach (var line in File.ReadLines("/proc/meminfo"))
                {
                    if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
                    {
                        var kb = line["MemTotal:".Length..].Trim().Split(' ')[0];
                        return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                    }
                }
            }
            catch (IOException)
            {
            }
            return 0;
        }
    }

    /// <summary><c>2</c> on a unified cgroup hierarchy, else <c>1</c>.</summary>
    public static string CgroupVersion => File.Exists("/sys/fs/cgroup/cgroup.controllers") ? "2" : "1";

    /// <summary>Host name.</summary>
    public static string HostName => Environment.MachineName;

    /// <summary>Open file descriptors of this process.</summary>
    public static int OpenFiles => CountEntries("/proc/self/fd");

    /// <summary>Threads of this process.</summary>
    public static int Threads => CountEntries("/proc/self/task");

    /// <summary>Whether IPv4 forwarding is on.</summary>
    public static bool Ipv4Forwarding => ReadTrimmed("/proc/sys/net/ipv4/ip_forward") == "1";

    private static int CountEntries(string dir)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(dir).Count();
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string ReadTrimmed(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static string? OsRelease(string key)
    {
        foreach (var path in new[] { "/etc/os-release", "/usr/lib/os-release" })
        {
            try
            {
                foreach (var line in File.ReadLines(path))
                {
                    if (line.StartsWith(key + "=", StringComparison.Ordinal))
                    {
                        return line[(key.Length + 1)..].Trim('"');
                    }
                }
            }
            catch (IOException)
            {
            }
        }
        return null;
    }
}
