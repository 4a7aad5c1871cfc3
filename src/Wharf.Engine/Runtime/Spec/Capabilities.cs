using Wharf.Core.Errors;

namespace Wharf.Engine.Runtime.Spec;

/// <summary>Linux capability names and Docker's <c>--cap-add</c>/<c>--cap-drop</c> rules (moby <c>oci/caps</c>).</summary>
public static class Capabilities
{
    /// <summary>Docker's 14 default capabilities.</summary>
    public static IReadOnlyList<string> Default { get; } =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE",
    ];

    /// <summary>Every capability name, indexed by its number.</summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN",
        "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT",
        "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE",
        "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL",
        "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND",
        "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE",
    ];

    private static readonly Lazy<IReadOnlyList<string>> s_all = new(() =>
    {
        try
        {
            var last = int.Parse(File.ReadAllText("/proc/sys/kernel/cap_last_cap").Trim(), System.Globalization.CultureInfo.InvariantCulture);
            // Only what the daemon itself may hold: runc cannot grant a capability outside its own bounding set.
            var bounding = BoundingSet();
            return Known.Take(Math.Min(last + 1, Known.Count)).Where((_, i) => (bounding >> i & 1) == 1).ToArray();
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            return Known;
        }
    });

    private static ulong BoundingSet()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("CapBnd:", StringComparison.Ordinal)
                && ulong.TryParse(line["CapBnd:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var mask))
                return mask;
        }
        return ulong.MaxValue;
    }

    /// <summary>Every capability this kernel supports (what <c>--privileged</c> and <c>--cap-add ALL</c> grant).</summary>
    public static IReadOnlyList<string> All => s_all.Value;

    /// <summary>Normalises a user-given name (<c>net_admin</c>, <c>CAP_NET_ADMIN</c>, <c>all</c>) to <c>CAP_NET_ADMIN</c> / <c>ALL</c>.</summary>
    /// <exception cref="InvalidArgumentException">Unknown capability.</exception>
    public static string Normalize(string name)
    {
        var upper = name.Trim().ToUpperInvariant();
        if (upper == "ALL")
            return upper;
        if (!upper.StartsWith("CAP_", StringComparison.Ordinal))
            upper = "CAP_" + upper;
        if (!Known.Contains(upper))
            throw new InvalidArgumentException($"unknown capability: \"{upper}\"");
        return upper;
    }

    /// <summary>The effective capability list after Docker's add/drop rules: ALL in add = everything but the drops; ALL in drop = only the adds.</summary>
    public static List<string> Tweak(IReadOnlyList<string> basics, IEnumerable<string> add, IEnumerable<string> drop, bool privileged)
    {
        if (privileged)
            return [.. All];
        var adds = add.Select(Normalize).Distinct().ToList();
        var drops = drop.Select(Normalize).Distinct().ToList();
        if (adds.Count == 0 && drops.Count == 0)
            return [.. basics];
        if (adds.Contains("ALL"))
            return All.Where(c => !drops.Contains(c)).ToList();
        if (drops.Contains("ALL"))
            return adds.Where(c => c != "ALL").ToList();
        var caps = basics.Where(c => !drops.Contains(c)).ToList();
        foreach (var c in adds)
        {
            if (!caps.Contains(c))
                caps.Add(c);
        }
        return caps;
    }
}
