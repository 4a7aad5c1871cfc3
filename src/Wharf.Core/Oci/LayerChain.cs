using System.Text;
using Wharf.Core.Digests;

namespace Wharf.Core.Oci;

/// <summary>
/// Chain IDs of an image's layer stack (OCI image-spec): a chain ID names a layer together with everything under it,
/// so snapshots keyed by it are shared by every image with the same bottom layers.
/// </summary>
public static class LayerChain
{
    /// <summary>The chain ID of each prefix of <paramref name="diffIds"/>, bottom first.</summary>
    public static IReadOnlyList<Digest> ChainIds(IEnumerable<Digest> diffIds)
    {
        var result = new List<Digest>();
        Digest? previous = null;
        foreach (var diffId in diffIds)
        {
            previous = previous is { } parent ? Next(parent, diffId) : diffId;
            result.Add(previous.Value);
        }
        return result;
    }

    /// <summary>The chain ID of each prefix of the <c>rootfs.diff_ids</c> strings; throws on a malformed digest.</summary>
    public static IReadOnlyList<Digest> ChainIds(IEnumerable<string> diffIds) => ChainIds(diffIds.Select(Digest.Parse));

    /// <summary>The chain ID of the whole stack, or null for an image without layers.</summary>
    public static Digest? ChainId(IEnumerable<Digest> diffIds)
    {
        var ids = ChainIds(diffIds);
        return ids.Count == 0 ? null : ids[^1];
    }

    /// <summary>The chain ID of a layer <paramref name="diffId"/> stacked on the chain <paramref name="parentChainId"/>.</summary>
    public static Digest Next(Digest parentChainId, Digest diffId) =>
        Digest.Sha256(Encoding.ASCII.GetBytes(parentChainId + " " + diffId));
}
