using System.Security.Cryptography;
using Wharf.Core.Errors;

namespace Wharf.Core.Digests;

/// <summary>Computes a digest incrementally over data as it streams past (sha256 or sha512), and counts the bytes.</summary>
public sealed class DigestComputer : IDisposable
{
    private readonly IncrementalHash _hash;

    /// <summary>Starts a computation; throws <see cref="InvalidArgumentException"/> for an unsupported algorithm.</summary>
    public DigestComputer(string algorithm = Digest.Sha256Algorithm)
    {
        _hash = algorithm switch
        {
            Digest.Sha256Algorithm => IncrementalHash.CreateHash(HashAlgorithmName.SHA256),
            Digest.Sha512Algorithm => IncrementalHash.CreateHash(HashAlgorithmName.SHA512),
            _ => throw new InvalidArgumentException($"unsupported digest algorithm \"{algorithm}\""),
        };
        Algorithm = algorithm;
    }

    /// <summary>The algorithm name.</summary>
    public string Algorithm { get; }

    /// <summary>How many bytes have been appended.</summary>
    public long Length { get; private set; }

    /// <summary>Adds data to the computation.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        _hash.AppendData(data);
        Length += data.Length;
    }

    /// <summary>The digest of everything appended so far; the computation can continue afterwards.</summary>
    public Digest GetDigest()
    {
        Span<byte> hash = stackalloc byte[64];
        var written = _hash.GetCurrentHash(hash);
        return Digest.FromHash(Algorithm, hash[..written]);
    }

    /// <inheritdoc />
    public void Dispose() => _hash.Dispose();
}
