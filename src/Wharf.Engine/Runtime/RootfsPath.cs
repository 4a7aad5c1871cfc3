namespace Wharf.Engine.Runtime;

/// <summary>Resolves a path inside a rootfs the way the container would see it: symlinks (absolute or relative) never lead outside the root.</summary>
internal static class RootfsPath
{
    private const int MaxSymlinks = 255;

    /// <summary>The host path of <paramref name="path"/> inside <paramref name="root"/>; missing trailing components are kept as-is.</summary>
    public static string Resolve(string root, string path)
    {
        root = Path.GetFullPath(root).TrimEnd('/');
        var pending = new Stack<string>(Split(path).Reverse());
        var resolved = new List<string>();
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
                continue;
            if (part == "..")
            {
                if (resolved.Count > 0)
                    resolved.RemoveAt(resolved.Count - 1);
                continue;
            }
            var candidate = root + "/" + string.Join('/', resolved.Append(part));
            string? target = null;
            try
            {
                var info = new FileInfo(candidate);
                if (info.Exists || Directory.Exists(candidate) || info.LinkTarget != null)
                    target = info.LinkTarget;
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
            if (target == null)
            {
                resolved.Add(part);
                continue;
            }
            if (++links > MaxSymlinks)
                throw new IOException($"too many levels of symbolic links resolving {path}");
            if (target.StartsWith('/'))
                resolved.Clear();
            foreach (var p in Split(target).Reverse())
                pending.Push(p);
        }
        return resolved.Count == 0 ? root : root + "/" + string.Join('/', resolved);
    }

    private static IEnumerable<string> Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
