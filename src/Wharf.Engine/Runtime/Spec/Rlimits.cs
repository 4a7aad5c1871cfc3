using Wharf.Core.Errors;
using Wharf.Engine.Runtime.Native;

namespace Wharf.Engine.Runtime.Spec;

/// <summary>Docker <c>--ulimit</c> names and the daemon's own hard limits, which no container limit may exceed (sandboxed hosts cap them and runc would fail).</summary>
public static class Rlimits
{
    private static readonly Dictionary<string, int> s_resources = new(StringComparer.Ordinal)
    {
        ["cpu"] = 0,
        ["fsize"] = 1,
        ["data"] = 2,
        ["stack"] = 3,
        ["core"] = 4,
        ["rss"] = 5,
        ["nproc"] = 6,
        ["nofile"] = 7,
        ["memlock"] = 8,
        ["as"] = 9,
        ["locks"] = 10,
        ["sigpending"] = 11,
        ["msgqueue"] = 12,
        ["nice"] = 13,
        ["rtprio"] = 14,
        ["rttime"] = 15,
    };

    /// <summary>Resource number of a ulimit name (<c>nofile</c>), or throws Docker's error.</summary>
    public static int Resource(string name) =>
        s_resources.TryGetValue(name.ToLowerInvariant(), out var r) ? r : throw new InvalidArgumentException($"invalid ulimit type: {name}");

    /// <summary>This process's hard limit of <paramref name="resource"/> (ulong.MaxValue = unlimited).</summary>
    public static unsafe ulong HardLimit(int resource)
    {
        LibC.RLimit rl;
        return LibC.getrlimit(resource, &rl) == 0 ? rl.Max : ulong.MaxValue;
    }

    /// <summary>The OCI rlimit for a ulimit, soft and hard clamped to the daemon's hard limit (-1 = unlimited).</summary>
    public static OciRlimit ToOci(Ulimit ulimit, Func<int, ulong>? hardLimit = null)
    {
        var resource = Resource(ulimit.Name);
        var cap = (hardLimit ?? HardLimit)(resource);
        static ulong U(long v) => v < 0 ? ulong.MaxValue : (ulong)v;
        var hard = Math.Min(U(ulimit.Hard), cap);
        var soft = Math.Min(U(ulimit.Soft), hard);
        return new OciRlimit { Type = "RLIMIT_" + ulimit.Name.ToUpperInvariant(), Hard = hard, Soft = soft };
    }
}
