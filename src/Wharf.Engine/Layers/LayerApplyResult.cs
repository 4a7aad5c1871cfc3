using Wharf.Core.Digests;
using Wharf.Core.Oci;

namespace Wharf.Engine.Layers;

/// <summary>What applying a layer produced: its DiffID (sha256 of the uncompressed tar), unpacked size and the compression found.</summary>
public sealed record LayerApplyResult(Digest DiffId, long Size, LayerCompression Compression);
