using System.Security.Cryptography;

namespace Wharf.Core.Digests;

public readonly partial record struct Digest
{
    /// <summary>The algorithm name <c>sha256</c>, the default.</summary>
    public const string Sha256Algorithm = "sha256";

    /// <summary>The algorithm name <c>sha512</c>.</summary>
    public const string Sha512Algorithm = "sha512";

    /// <summary>The sha512 digest of the bytes.</summary>
    public static Digest Sha512(ReadOnlySpan<byte> data) => new(Sha512Algorithm, Convert.ToHexStringLower(SHA512.HashData(data)));

    /// <summary>The digest of everything left in <paramref name="stream"/>, read to its end.</summary>
    public static Digest Compute(Stream stream, string algorithm = Sha256Algorithm)
    {
        using var computer = new DigestComputer(algorithm);
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            computer.Append(buffer.AsSpan(0, read));
        }
        return computer.GetDigest();
    }

    /// <summary>The digest of everything left in <paramref name="stream"/>, read to its end asynchronously.</summary>
    public static async Task<Digest> ComputeAsync(Stream stream, string algorithm = Sha256Algorithm, CancellationToken cancellationToken = default)
    {
        using var computer = new DigestComputer(algorithm);
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            computer.Append(buffer.AsSpan(0, read));
        }
        return computer.GetDigest();
    }

    /// <summary>The digest of <paramref name="data"/> with this digest's algorithm.</summary>
    public Digest ComputeSameAlgorithm(ReadOnlySpan<byte> data)
    {
        using var computer = new DigestComputer(Algorithm);
        computer.Append(data);
        return computer.GetDigest();
    }

    /// <summary>True when <paramref name="data"/> hashes to this digest.</summary>
    public bool Matches(ReadOnlySpan<byte> data) => ComputeSameAlgorithm(data) == this;

    /// <summary>True for the algorithms Wharf can compute and verify.</summary>
    public static bool IsSupportedAlgorithm(string? algorithm) => algorithm is Sha256Algorithm or Sha512Algorithm;
}
