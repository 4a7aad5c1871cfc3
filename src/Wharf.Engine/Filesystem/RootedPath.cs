namespace Wharf.Engine.Filesystem;

/// <summary>
/// Resolves untrusted paths inside a root directory the way the root's own processes would see them
/// (as Go's securejoin does): symlinks are evaluated with absolute targets re-rooted at the root and
/// <c>..</c> clamped at the root, so the result can never name anything outside the root.
/// </summary>
public static class RootedPath
{
    private const int MaxSymlinks = 255;

    /// <summary>
    /// Resolves <paramref name="untrustedPath"/> (absolute or relative, taken relative to the root) inside
    /// <paramref name="root"/>. Missing components are taken literally. The final component is resolved
    /// only when <paramref name="followFinalSymlink"/> is true. Returns an absolute host path under the root.
    /// </summary>
    public static string Resolve(string root, string untrustedPath, bool followFinalSymlink)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var resolved = new List<string>();
        var pending = new Stack<string>();
        PushComponents(pending, untrustedPath);
        var linksFollowed = 0;
        while (pending.Count > 0)
        {
            var component = pending.Pop();
            if (component is "" or ".")
            {
                continue;
            }
            if (component == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }
                continue;
            }
            var candidate = Join(root, resolved, component);
            var isFinal = pending.All(c => c is "" or ".");
            var status = Syscalls.TryLStat(candidate);
            if (status is { IsSymlink: true } && (!isFinal || followFinalSymlink))
            {
                if (++linksFollowed > MaxSymlinks)
                {
                    throw new IOException($"too many levels of symbolic links resolving {untrustedPath} in {root}");
                }
                var target = new FileInfo(candidate).LinkTarget ?? "";
                if (target.StartsWith('/'))
                {
                    resolved.Clear();
                }
                PushComponents(pending, target);
                continue;
            }
            resolved.Add(component);
        }
        return resolved.Count == 0 ? root : Prefix(root) + string.Join('/', resolved);
    }

    /// <summary>Whether <paramref name="path"/> (already absolute and clean) is <paramref name="root"/> or below it.</summary>
    public static bool IsWithin(string root, string path)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        path = Path.GetFullPath(path);
        return path == root || path.StartsWith(root + "/", StringComparison.Ordinal) || root == "/";
    }

    private static void PushComponents(Stack<string> pending, string path)
    {
        var parts = path.Split('/');
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }

    private static string Join(string root, List<string> resolved, string component) =>
        resolved.Count == 0 ? Prefix(root) + component : Prefix(root) + string.Join('/', resolved) + "/" + component;

    private static string Prefix(string root) => root == "/" ? "/" : root + "/";
}
