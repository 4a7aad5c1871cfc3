namespace Wharf.Engine.Images;

/// <summary>Image metadata: lookup by name or ID, tags, listing, removal. Blobs live in the content store, layers in the snapshotter.</summary>
public interface IImageStore
{
    /// <summary>
    /// Resolves, in Docker's order, a full or short image ID (with or without <c>sha256:</c>), a reference
    /// (normalised: <c>busybox</c> = <c>docker.io/library/busybox:latest</c>) or <c>name@digest</c>.
    /// Throws <c>NotFoundException("No such image: &lt;ref&gt;")</c>.
    /// </summary>
    ImageRecord Resolve(string nameOrId);

    /// <summary>Like <see cref="Resolve"/> but returns null when missing.</summary>
    ImageRecord? TryResolve(string nameOrId);

    /// <summary>All images.</summary>
    IReadOnlyList<ImageRecord> List();
}

/// <summary>Tells the image store which containers use an image, so <c>rmi</c> refuses (implemented by the container store).</summary>
public interface IImageUsage
{
    /// <summary>IDs of containers (running or not) created from image <paramref name="imageId"/>; <paramref name="runningOnly"/> limits to running ones.</summary>
    IReadOnlyList<string> ContainersUsing(string imageId, bool runningOnly);
}
