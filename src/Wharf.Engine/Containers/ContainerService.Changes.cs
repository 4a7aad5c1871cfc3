using Wharf.Engine.Containers.Archive;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary><c>GET /containers/{id}/changes</c>: what the container added, modified and deleted against its image, parents first.</summary>
    public Task<IReadOnlyList<FilesystemChange>> ChangesAsync(string nameOrId, CancellationToken ct = default)
    {
        var container = _store.Resolve(nameOrId);
        return Task.Run<IReadOnlyList<FilesystemChange>>(() => CollectChanges(container, ct), ct);
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
}
