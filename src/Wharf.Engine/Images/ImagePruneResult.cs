namespace Wharf.Engine.Images;

/// <summary>What <see cref="ImageService.Prune"/> removed: the <c>rmi</c>-style entries and the bytes of the layers released.</summary>
public sealed record ImagePruneResult(IReadOnlyList<ImageDeleteEntry> Deleted, long SpaceReclaimed);
