namespace Wharf.Engine.Filesystem;

/// <summary>Lexical rules for absolute container paths, as Go's <c>path</c> package applies them (no file system access).</summary>
public static class UnixPath
{
    /// <summary>Go's <c>path.Clean</c> for absolute paths: no empty, <c>.</c> or <c>..</c> components; <c>..</c> at the root stays at the root.</summary>
    public static string Clean(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                continue;
            }
            parts.Add(part);
        }
        return "/" + string.Join('/', parts);
    }
}
