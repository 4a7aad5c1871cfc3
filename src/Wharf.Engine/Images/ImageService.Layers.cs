using Wharf.Core.Digests;
using Wharf.Core.Errors;
using Wharf.Engine.Layers;

namespace Wharf.Engine.Images;

public sealed partial class ImageService
{
    /// <summary>
    /// Unpacks <paramref name="layer"/> on top of <paramref name="parentSnapshot"/> (null: an empty base), keeps the result as the
    /// snapshot of chain ID <paramref name="chainIdOf"/>(the layer) unless one exists already, records the layer and returns what
    /// <paramref name="addImage"/> stores. On any failure nothing is left behind: no snapshot, no layer row.
    /// </summary>
    private async Task<ImageRecord> AddWithLayerAsync(Stream layer, string? parentSnapshot, Func<LayerApplyResult, Digest> chainIdOf,
        Func<LayerApplyResult, ImageRecord> addImage, CancellationToken cancellationToken)
    {
        var snapshotter = Store.Snapshotter;
        var key = ExtractKeyPrefix + Guid.NewGuid().ToString("N");
        snapshotter.Prepare(key, parentSnapshot);
        string? committed = null;
        try
        {
            var applied = await LayerApplier.ApplyAsync(layer, snapshotter.UpperDirectory(key), snapshotter.WhiteoutMode, cancellationToken,
                snapshotter.LowerDirectories(key)).ConfigureAwait(false);
            var chainId = chainIdOf(applied);
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
                    snapshotter.Remove(key); // Another import or commit stored the same layer meanwhile.
                }
            }
            Store.RecordLayer(chainId, applied.DiffId, applied.Size);
            return addImage(applied);
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
}
