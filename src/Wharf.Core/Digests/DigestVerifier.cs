using Wharf.Core.Errors;

namespace Wharf.Core.Digests;

/// <summary>Checks that streamed content matches an expected digest (and optionally size) once it has all been seen.</summary>
public sealed class DigestVerifier : IDisposable
{
    private readonly DigestComputer _computer;

    /// <summary>Starts verifying against <paramref name="expected"/>; <paramref name="expectedSize"/> is checked when given.</summary>
    public DigestVerifier(Digest expected, long? expectedSize = null)
    {
        Expected = expected;
        ExpectedSize = expectedSize;
        _computer = new DigestComputer(expected.Algorithm);
    }

    /// <summary>The digest the content must have.</summary>
    public Digest Expected { get; }

    /// <summary>The size the content must have, if known.</summary>
    public long? ExpectedSize { get; }

    /// <summary>Bytes seen so far.</summary>
    public long Length => _computer.Length;

    /// <summary>Adds data.</summary>
    public void Append(ReadOnlySpan<byte> data) => _computer.Append(data);

    /// <summary>True when the content seen so far has the expected digest and size.</summary>
    public bool Verified => (ExpectedSize is null || ExpectedSize == Length) && _computer.GetDigest() == Expected;

    /// <summary>Throws <see cref="InvalidArgumentException"/> unless the content seen has the expected digest and size.</summary>
    public void EnsureVerified()
    {
        if (ExpectedSize is { } size && size != Length)
        {
            throw new InvalidArgumentException($"size mismatch for {Expected}: expected {size} bytes, got {Length}");
        }
        var actual = _computer.GetDigest();
        if (actual != Expected)
        {
            throw new InvalidArgumentException($"digest mismatch: expected {Expected}, got {actual}");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _computer.Dispose();
}
