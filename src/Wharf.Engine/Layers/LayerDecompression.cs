using System.IO.Compression;
using Wharf.Core.Errors;
using Wharf.Core.Oci;

namespace Wharf.Engine.Layers;

/// <summary>Recognises a layer's compression by its magic bytes (as Docker does, whatever the media type says) and undoes it.</summary>
public static class LayerDecompression
{
    private static readonly byte[] GzipMagic = [0x1f, 0x8b];
    private static readonly byte[] ZstdMagic = [0x28, 0xb5, 0x2f, 0xfd];
    private static readonly byte[] Bzip2Magic = [0x42, 0x5a, 0x68];
    private static readonly byte[] XzMagic = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];

    /// <summary>Which compression <paramref name="header"/> (the first bytes of a blob) starts with.</summary>
    public static LayerCompression Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith(GzipMagic))
        {
            return LayerCompression.Gzip;
        }
        if (header.StartsWith(ZstdMagic))
        {
            return LayerCompression.Zstd;
        }
        if (header.StartsWith(XzMagic))
        {
            throw new InvalidArgumentException("unsupported layer compression: xz");
        }
        if (header.StartsWith(Bzip2Magic))
        {
            throw new InvalidArgumentException("unsupported layer compression: bzip2");
        }
        return LayerCompression.None;
    }

    /// <summary>Wraps <paramref name="input"/> so reads return the uncompressed tar; reports what compression was found.</summary>
    public static Stream Open(Stream input, out LayerCompression compression, bool leaveOpen = true)
    {
        var header = new byte[6];
        var filled = 0;
        while (filled < header.Length)
        {
            var n = input.Read(header, filled, header.Length - filled);
            if (n == 0)
            {
                break;
            }
            filled += n;
        }
        Array.Resize(ref header, filled);
        compression = Detect(header);
        var replay = new PrefixedStream(header, input, leaveOpen);
        return compression switch
        {
            LayerCompression.Gzip => new GZipStream(replay, CompressionMode.Decompress, leaveOpen: false),
            LayerCompression.Zstd => new ZstdSharp.DecompressionStream(replay, leaveOpen: false),
            _ => replay,
        };
    }
}
