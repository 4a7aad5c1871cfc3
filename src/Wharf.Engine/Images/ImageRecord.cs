using Wharf.Core.Digests;
using Wharf.Core.Oci;

namespace Wharf.Engine.Images;

/// <summary>An image as the engine knows it: its config (whose digest is the ID), names and layer chain.</summary>
public sealed record ImageRecord
{
    /// <summary>Image ID: digest of the config JSON.</summary>
    public required Digest Id { get; init; }

    /// <summary>The parsed config document.</summary>
    public required ImageConfig Config { get; init; }

    /// <summary>Fully normalised tags, e.g. <c>docker.io/library/busybox:latest</c>.</summary>
    public IReadOnlyList<string> RepoTags { get; init; } = [];

    /// <summary>Fully normalised <c>name@digest</c> references of the manifests it was pulled or pushed as.</summary>
    public IReadOnlyList<string> RepoDigests { get; init; } = [];

    /// <summary>When the image was created (config's <c>created</c>, else when it was stored).</summary>
    public DateTimeOffset Created { get; init; }

    /// <summary>Sum of the unpacked sizes of its layers, in bytes.</summary>
    public long Size { get; init; }

    /// <summary>Chain IDs of its layers, bottom first; the last one names the snapshot a container starts from. Empty for an image with no layers.</summary>
    public IReadOnlyList<Digest> ChainIds { get; init; } = [];

    /// <summary>Local parent image (commit/build), if any.</summary>
    public Digest? Parent { get; init; }

    /// <summary>Labels from the config, never null.</summary>
    public IReadOnlyDictionary<string, string> Labels => Config.Config?.Labels ?? new Dictionary<string, string>();

    /// <summary>Snapshot name a container's rootfs is prepared from (null = empty rootfs).</summary>
    public string? TopSnapshot => ChainIds.Count == 0 ? null : ChainIds[^1].ToString();
}
