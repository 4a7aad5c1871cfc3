using System.Formats.Tar;
using Wharf.Engine.Filesystem;
using Wharf.Engine.Layers;

namespace Wharf.Engine.Containers.Archive;

/// <summary>
/// Writes a list of changes as an OCI layer tar (what <c>docker commit</c> stores): added and modified paths with their
/// content from the container's tree, deletions as <c>.wh.&lt;name&gt;</c> and opaque directories with <c>.wh..wh..opq</c>.
/// </summary>
public static class ChangesArchiver
{
    /// <summary>Writes <paramref name="changes"/> (parents before children) with contents read below <paramref name="contentRoot"/>.</summary>
    public static void Write(IReadOnlyList<FilesystemChange> changes, string contentRoot, Stream output, CancellationToken cancellationToken = default)
    {
        contentRoot = contentRoot.TrimEnd('/');
        using var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        var files = new FileTarWriter(writer);
        foreach (var change in changes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = change.Path.TrimStart('/');
            var slash = name.LastIndexOf('/');
            var directory = slash < 0 ? "" : name[..(slash + 1)];
            var baseName = slash < 0 ? name : name[(slash + 1)..];
            if (change.Kind == ChangeKind.Deleted)
            {
                files.WriteMarker(directory + LayerApplier.WhiteoutPrefix + baseName, Syscalls.TryLStat(contentRoot + "/" + directory));
                continue;
            }
            var hostPath = contentRoot + change.Path;
            var status = Syscalls.TryLStat(hostPath);
            if (status is null)
            {
                continue; // Removed while we walked: nothing to record.
            }
            files.Write(hostPath, name, status);
            if (change.Opaque && status.IsDirectory)
            {
                files.WriteMarker(name + "/" + LayerApplier.OpaqueWhiteout, status);
            }
        }
    }
}
