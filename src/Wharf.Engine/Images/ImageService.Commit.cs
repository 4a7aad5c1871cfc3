using Wharf.Core.Digests;
using Wharf.Core.Errors;
using Wharf.Core.Oci;
using Wharf.Core.References;

namespace Wharf.Engine.Images;

public sealed partial class ImageService
{
    /// <summary>
    /// <c>docker commit</c>'s storage half: unpacks <paramref name="layer"/> (a layer tar with <c>.wh.</c> whiteouts) on top
    /// of the parent's layers, appends its DiffID and the history entry to the config, stores and tags the image. On any
    /// failure nothing is left behind.
    /// </summary>
    public async Task<ImageRecord> CommitLayerAsync(Stream layer, ImageCommitRequest request, CancellationToken cancellationToken = default)
    {
        var config = request.Config;
        return await AddWithLayerAsync(layer, request.Parent.TopSnapshot,
            applied => LayerChain.ChainIds(config.RootFs.DiffIds.Append(applied.DiffId.ToString()).Select(Digest.Parse))[^1],
            applied =>
            {
                config.RootFs = new RootFs { DiffIds = [.. config.RootFs.DiffIds, applied.DiffId.ToString()] };
                config.History = [.. config.History ?? [], request.History];
                return Store.Add(config.ToJsonBytes(), request.Parent.Id, request.Reference is null ? null : [request.Reference]);
            }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Parses <c>repo</c> and <c>tag</c> of <c>POST /commit</c> into a tag reference (default <c>latest</c>); null when no repository is given.</summary>
    public static ImageReference? CommitReference(string? repository, string? tag)
    {
        if (string.IsNullOrEmpty(repository))
        {
            return null;
        }
        var reference = ImageReference.ParseRepository(repository, tag);
        if (reference.Digest is not null)
        {
            throw new InvalidArgumentException("cannot commit to digest reference");
        }
        return reference.WithDefaultTag();
    }
}
