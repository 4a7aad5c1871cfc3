using System.Formats.Tar;
using Wharf.Engine.Filesystem;
using Wharf.Engine.Layers;

namespace Wharf.Engine.Containers.Archive;

/// <summary>
/// Docker's <c>TarResourceRebase</c>: a tar of one file or directory whose entries start with the requested base name
/// rather than the resolved one (<c>GET /containers/{id}/archive</c>). A path ending in <c>/.</c> archives the
/// directory as <c>./</c> and its contents as <c>./name</c>.
/// </summary>
public static class ResourceArchiver
{
    /// <summary>Writes <paramref name="hostPath"/> (already resolved inside the container root) with its top entry named <paramref name="rebaseName"/>.</summary>
    public static void Write(string hostPath, string rebaseName, Stream output, CancellationToken cancellationToken = default)
    {
        var currentDirectory = hostPath.EndsWith("/.", StringComparison.Ordinal);
        var path = currentDirectory ? hostPath[..^2] : hostPath.TrimEnd('/');
        if (path.Length == 0)
        {
            path = "/";
        }
        // A trailing slash was already resolved inside the root; keeping it lets a root reached through /proc/PID/root stat as the directory it is.
        var status = Syscalls.LStat(hostPath.EndsWith('/') && path != "/" ? path + "/" : path);
        // Docker maps the root's rebase name "/" to an empty prefix: entries then read "/bin", "/etc/passwd".
        var top = currentDirectory ? "." : rebaseName == "/" ? "" : rebaseName;
        using var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        var files = new FileTarWriter(writer);
        if (top.Length > 0)
        {
            files.Write(path, top, status);
        }
        if (status.IsDirectory)
        {
            files.WriteChildren(path, top.Length == 0 ? "/" : top + "/", cancellationToken);
        }
    }
}
