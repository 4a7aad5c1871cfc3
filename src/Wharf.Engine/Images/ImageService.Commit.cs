using Wharf.Core.Digests;
using Wharf.Core.Errors;
using Wharf.Core.Oci;
using Wharf.Core.References;
using Wharf.Engine.Layers;

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
        var snapshotter = Store.Snapshotter;
        var key = ExtractKeyPrefix + Guid.NewGuid().ToString("N");
        snapshotter.Prepare(key, request.Parent.TopSnapshot);
        string? committed = null;
        try
        {
            var applied = await LayerApplier.ApplyAsync(layer, snapshotter.UpperDirectory(key), snapshotter.WhiteoutMode, cancellationToken,
                snapshotter.LowerDirectories(key)).ConfigureAwait(false);
            var config = request.Config;
            config.RootFs = new RootFs { DiffIds = [.. config.RootFs.DiffIds, applied.DiffId.ToString()] };
            config.History = [.. config.History ?? [], request.History];
            var chainId = LayerChain.ChainIds(config.RootFs.DiffIds.Select(Digest.Parse))[^1];
            if (snapshotter.Exists(chainId.ToString()))
            {
                snapshotter.Remove(key);
            }
            else
            {
                try
                {
                    snapshotter.Commit(chainId.ToString(), key);
                    committed = chainId.ToString();
                }
                catch (ConflictException)
                {
                    snapshotter.Remove(key);
                }
            }
            Store.RecordLayer(chainId, applied.DiffId, applied.Size);
            return Store.Add(config.ToJsonBytes(), request.Parent.Id, request.Reference is null ? null : [request.Reference]);
        }
        catch
        {
            if (snapshotter.Stat(key) is not null)
            {
                snapshotter.Remove(key);
            }
            if (committed is not null)
            {
                Store.ReleaseLayers([Digest.Parse(committed)]);
            }
            throw;
        }
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
