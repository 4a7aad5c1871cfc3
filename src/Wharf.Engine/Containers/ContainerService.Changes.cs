using Wharf.Engine.Containers.Archive;
using Wharf.Engine.Filesystem;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// <c>GET /containers/{id}/changes</c>: what the container added, modified and deleted against its image, parents first,
    /// as Docker's overlay driver reports it (<c>OverlayChanges</c>): a directory that was deleted and created again (an
    /// overlay opaque directory) is <c>D</c>, and what it now holds is <c>C</c> where the image had that path, else <c>A</c>.
    /// </summary>
    public Task<IReadOnlyList<FilesystemChange>> ChangesAsync(string nameOrId, CancellationToken ct = default)
    {
        var container = _store.Resolve(nameOrId);
        return Task.Run<IReadOnlyList<FilesystemChange>>(() => AsDockerDiff(container, CollectChanges(container, ct)), ct);
    }

    private List<FilesystemChange> CollectChanges(ContainerRecord container, CancellationToken ct)
    {
        var upper = _snapshotter.UpperDirectory(container.Id);
        var lowers = _snapshotter.LowerDirectories(container.Id);
        if (lowers.Count > 0 || _snapshotter.WhiteoutMode == Layers.WhiteoutMode.Overlay)
        {
            return ChangeCollector.FromOverlay(upper, lowers, ct);
        }
        var image = _images.TryResolve(container.ImageId)?.TopSnapshot;
        return ChangeCollector.FromTrees(upper, image is null ? null : _snapshotter.UpperDirectory(image), ct);
    }

    /// <summary>The collected changes (which keep opaque directories as modified, for commit's archive) in <c>docker diff</c>'s terms.</summary>
    private List<FilesystemChange> AsDockerDiff(ContainerRecord container, List<FilesystemChange> changes)
    {
        var lowers = _snapshotter.LowerDirectories(container.Id);
        if (lowers.Count == 0 || !changes.Exists(c => c.Opaque))
        {
            return changes;
        }
        var opaqueDirectories = new List<string>();
        var result = new List<FilesystemChange>(changes.Count);
        foreach (var change in changes)
        {
            if (change.Opaque && change.Kind == ChangeKind.Modified)
            {
                opaqueDirectories.Add(change.Path + "/");
                result.Add(change with { Kind = ChangeKind.Deleted });
            }
            else if (change.Kind == ChangeKind.Added && opaqueDirectories.Exists(d => change.Path.StartsWith(d, StringComparison.Ordinal))
                && ExistsInLayers(lowers, change.Path))
            {
                // Docker looks the path up in the image's layers without regard to the opaque directory above it.
                result.Add(change with { Kind = ChangeKind.Modified });
            }
            else
            {
                result.Add(change);
            }
        }
        return result;
    }

    private static bool ExistsInLayers(IReadOnlyList<string> lowers, string path) =>
        lowers.Any(lower => Syscalls.TryLStat(lower.TrimEnd('/') + path) is { IsOverlayWhiteout: false });
}
