using System.Text;

namespace Wharf.Engine.Filesystem;

/// <summary>Reads <c>/proc/self/mountinfo</c> to tell whether a path is a mount point.</summary>
internal static class MountTable
{
    /// <summary>Mount points (unescaped) at or under <paramref name="root"/>, deepest last in mount order.</summary>
    public static IReadOnlyList<string> MountsUnder(string root)
    {
        var result = new List<string>();
        var prefix = root.TrimEnd('/') + "/";
        foreach (var line in File.ReadLines("/proc/self/mountinfo"))
        {
            var fields = line.Split(' ');
            if (fields.Length < 5)
            {
                continue;
            }
            var mountPoint = Unescape(fields[4]);
            if (mountPoint == root.TrimEnd('/') || mountPoint.StartsWith(prefix, StringComparison.Ordinal))
            {
                result.Add(mountPoint);
            }
        }
        return result;
    }

    /// <summary>True when <paramref name="path"/> itself is a mount point.</summary>
    public static bool IsMountPoint(string path) => MountsUnder(path).Any(m => m == path.TrimEnd('/'));

    // mountinfo escapes space, tab, newline and backslash as \ooo.
    private static string Unescape(string value)
    {
        if (!value.Contains('\\'))
        {
            return value;
        }
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && IsOctal(value, i + 1))
            {
                sb.Append((char)Convert.ToInt32(value.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                sb.Append(value[i]);
            }
        }
        return sb.ToString();
    }

    private static bool IsOctal(string value, int start) =>
        start + 3 <= value.Length && value.AsSpan(start, 3).IndexOfAnyExceptInRange('0', '7') < 0;
}
