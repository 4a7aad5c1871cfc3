namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary><c>ps</c>: running containers (or all), filtered as Docker does, newest first, with sizes when asked.</summary>
    public Task<IReadOnlyList<ContainerDetails>> ListAsync(ContainerListOptions options, CancellationToken ct = default)
    {
        var filter = new ContainerListFilter(options, _store.Resolve, _images);
        var containers = filter.Apply(_store.List().Select(WithHealth));
        IReadOnlyList<ContainerDetails> result = containers.Select(c =>
        {
            ct.ThrowIfCancellationRequested();
            return options.Size ? WithSize(c) : new ContainerDetails(c);
        }).ToList();
        return Task.FromResult(result);
    }

    /// <summary>The container and, when <paramref name="size"/>, SizeRw (its changes) and SizeRootFs (image + changes).</summary>
    public Task<ContainerDetails> InspectAsync(string nameOrId, bool size = false, CancellationToken ct = default)
    {
        var container = WithHealth(_store.Resolve(nameOrId));
        return Task.FromResult(size ? WithSize(container) : new ContainerDetails(container));
    }

    /// <summary>Container counts by state (<c>/info</c>).</summary>
    public ContainerCounts Counts()
    {
        var all = _store.List();
        var paused = all.Count(c => c.State.Paused);
        var running = all.Count(c => c.State.Running) - paused;
        return new ContainerCounts(all.Count, running, paused, all.Count - running - paused);
    }

    private ContainerDetails WithSize(ContainerRecord container)
    {
        long rw = 0;
        try
        {
            rw = _snapshotter.Usage(container.Id);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Core.Errors.WharfException)
        {
        }
        var imageSize = _images.TryResolve(container.ImageId)?.Size ?? 0;
        return new ContainerDetails(container, rw, rw + imageSize);
    }
}
