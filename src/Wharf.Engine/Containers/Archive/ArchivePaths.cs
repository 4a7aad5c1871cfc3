using Wharf.Engine.Filesystem;

namespace Wharf.Engine.Containers.Archive;

/// <summary>
/// Docker's path rules for the archive endpoints: a requested path is absolute in the container, cleaned, keeping a
/// trailing <c>/</c> or <c>/.</c> (they mean "the directory itself" and "the directory's contents"); all host paths are
/// resolved inside the container's root with <see cref="RootedPath"/>, so <c>..</c> and symlinks never leave it.
/// </summary>
public static class ArchivePaths
{
    /// <summary>The cleaned absolute container path of <paramref name="path"/>, keeping a trailing separator or <c>/.</c>.</summary>
    public static string Absolute(string path)
    {
        var clean = UnixPath.Clean("/" + path);
        if (clean == "/")
        {
            return clean;
        }
        if (path.EndsWith("/.", StringComparison.Ordinal) || path == ".")
        {
            return clean + "/.";
        }
        return path.EndsWith('/') ? clean + "/" : clean;
    }

    /// <summary>Go's <c>filepath.Base</c>: the last element after trailing separators are removed; <c>/</c> for the root.</summary>
    public static string Base(string path)
    {
        var trimmed = path.TrimEnd('/');
        if (trimmed.Length == 0)
        {
            return path.Length == 0 ? "." : "/";
        }
        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }

    /// <summary>
    /// Docker's <c>ResolvePath</c>: the parent directory of <paramref name="absolutePath"/> is resolved inside <paramref name="root"/>
    /// (following every symlink), the final element is taken literally so a symlink there is reported, not followed.
    /// </summary>
    public static string ResolveKeepingFinal(string root, string absolutePath)
    {
        var slash = absolutePath.LastIndexOf('/');
        var directory = absolutePath[..(slash + 1)];
        var name = absolutePath[(slash + 1)..];
        var resolvedDirectory = RootedPath.Resolve(root, directory, followFinalSymlink: true);
        return name.Length == 0 ? resolvedDirectory + "/" : resolvedDirectory.TrimEnd('/') + "/" + name;
    }

    /// <summary>The container path (absolute) of a host path below <paramref name="root"/>.</summary>
    public static string ContainerPath(string root, string hostPath)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(hostPath));
        if (full == root)
        {
            return "/";
        }
        return full.StartsWith(root + "/", StringComparison.Ordinal) ? full[root.Length..] : "/";
    }
}
