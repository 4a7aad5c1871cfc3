using System.Globalization;
using Wharf.Core.Errors;

namespace Wharf.Engine.Runtime;

/// <summary>
/// Resolves Docker's <c>--user</c> forms (<c>name</c>, <c>uid</c>, <c>name:group</c>, <c>uid:gid</c>, empty = root)
/// against a rootfs's <c>/etc/passwd</c> and <c>/etc/group</c>, with the rules of moby's user lookup:
/// names must exist, numeric IDs need not; supplementary groups come from /etc/group only when no group is given.
/// </summary>
public static class UserResolver
{
    private const long MaxId = int.MaxValue;

    /// <summary>Resolves <paramref name="user"/> inside <paramref name="rootfs"/>, adding <paramref name="groupAdd"/> (<c>--group-add</c>, names or gids) to the supplementary groups.</summary>
    /// <exception cref="InvalidArgumentException">Unknown user or group name, or an ID out of range.</exception>
    public static ResolvedUser Resolve(string rootfs, string? user, IReadOnlyList<string>? groupAdd = null)
    {
        var passwd = ReadEntries(rootfs, "/etc/passwd");
        var groups = ReadEntries(rootfs, "/etc/group");
        user ??= "";
        var colon = user.IndexOf(':');
        var userArg = colon < 0 ? user : user[..colon];
        var groupArg = colon < 0 ? "" : user[(colon + 1)..];

        uint uid = 0, gid = 0;
        var home = "/";
        string? name = null;
        var numericUid = TryId(userArg, out var uidArg);

        string[]? match = passwd.FirstOrDefault(e => e.Length >= 4 && (userArg.Length == 0
            ? e[2] == "0"
            : numericUid ? TryId(e[2], out var u) && u == uidArg : e[0] == userArg));
        if (match != null && TryId(match[2], out var mu) && TryId(match[3], out var mg))
        {
            name = match[0];
            uid = mu;
            gid = mg;
            if (match.Length >= 6 && match[5].Length > 0)
                home = match[5];
        }
        else if (userArg.Length > 0)
        {
            if (!numericUid)
                throw new InvalidArgumentException($"unable to find user {userArg}: no matching entries in passwd file");
            uid = uidArg;
        }

        var supplementary = new List<uint>();
        if (groupArg.Length > 0)
        {
            var numericGid = TryId(groupArg, out var gidArg);
            var g = groups.FirstOrDefault(e => e.Length >= 3 && (numericGid ? TryId(e[2], out var x) && x == gidArg : e[0] == groupArg));
            if (g != null && TryId(g[2], out var gg))
                gid = gg;
            else if (numericGid)
                gid = gidArg;
            else
                throw new InvalidArgumentException($"unable to find group {groupArg}: no matching entries in group file");
        }
        else if (name != null)
        {
            foreach (var g in groups)
            {
                if (g.Length >= 4 && g[3].Split(',').Contains(name) && TryId(g[2], out var sg))
                    supplementary.Add(sg);
            }
        }

        foreach (var extra in groupAdd ?? [])
        {
            if (TryId(extra, out var eg))
            {
                supplementary.Add(eg);
                continue;
            }
            var g = groups.FirstOrDefault(e => e.Length >= 3 && e[0] == extra);
            if (g == null || !TryId(g[2], out var ng))
                throw new InvalidArgumentException($"Unable to find group {extra}: no matching entries in group file");
            supplementary.Add(ng);
        }

        return new ResolvedUser(uid, gid, supplementary.Distinct().ToArray(), home);
    }

    private static bool TryId(string s, out uint id)
    {
        id = 0;
        if (s.Length == 0 || !long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            return false;
        if (v > MaxId)
            throw new InvalidArgumentException("uids and gids must be in range 0-2147483647");
        id = (uint)v;
        return true;
    }

    private static List<string[]> ReadEntries(string rootfs, string path)
    {
        var result = new List<string[]>();
        string host;
        try
        {
            host = RootfsPath.Resolve(rootfs, path);
            if (!File.Exists(host))
                return result;
            foreach (var raw in File.ReadLines(host))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                    continue;
                result.Add(line.Split(':'));
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return result;
    }
}
