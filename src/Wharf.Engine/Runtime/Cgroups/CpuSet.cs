using System.Globalization;

namespace Wharf.Engine.Runtime.Cgroups;

/// <summary>cpuset list syntax (<c>0-3,5</c>), as <c>--cpuset-cpus</c> and <c>cpuset.cpus</c> use it.</summary>
public static class CpuSet
{
    /// <summary>The numbers of a list, or null when it is malformed.</summary>
    public static SortedSet<int>? Parse(string list)
    {
        var set = new SortedSet<int>();
        if (string.IsNullOrWhiteSpace(list))
            return set;
        foreach (var part in list.Trim().Split(','))
        {
            var dash = part.IndexOf('-');
            if (dash < 0)
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    return null;
                set.Add(n);
                continue;
            }
            if (!int.TryParse(part[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var lo)
                || !int.TryParse(part[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var hi) || hi < lo)
                return null;
            for (var i = lo; i <= hi; i++)
                set.Add(i);
        }
        return set;
    }
}
