using Wharf.Core.Oci;
using Wharf.Core.References;

namespace Wharf.Engine.Images;

/// <summary>What <see cref="ImageService.CommitLayerAsync"/> stores: a new layer over a parent image, its config and name.</summary>
public sealed class ImageCommitRequest
{
    /// <summary>The image the new one builds on (its layers stay below the new layer).</summary>
    public required ImageRecord Parent { get; init; }

    /// <summary>The new image's config without the new layer's DiffID and history entry (both are appended).</summary>
    public required ImageConfig Config { get; init; }

    /// <summary>History entry of the new layer.</summary>
    public required HistoryEntry History { get; init; }

    /// <summary>Reference to tag the image with, or null.</summary>
    public ImageReference? Reference { get; init; }
}
