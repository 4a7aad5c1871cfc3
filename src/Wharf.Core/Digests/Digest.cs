using System.Security.Cryptography;

namespace Wharf.Core.Digests;

/// <summary>A content digest <c>algorithm:hex</c> as used by OCI (sha256, sha512).</summary>
public readonly partial record struct Digest
{
    private Digest(string algorithm, string hex)
    {
        Algorithm = algorithm;
        Hex = hex;
    }

    /// <summary>The algorithm name, <c>sha256</c> or <c>sha512</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The lowercase hex encoding of the hash.</summary>
    public string Hex { get; }

    /// <summary>Parses <c>algorithm:hex</c>; throws <see cref="Errors.InvalidArgumentException"/> when malformed.</summary>
    public static Digest Parse(string value)
    {
        if (!TryParse(value, out var digest, out var error))
        {
            throw new Errors.InvalidArgumentException($"invalid digest \"{value}\": {error}");
        }
        return digest;
    }

    /// <summary>Parses <c>algorithm:hex</c> without throwing.</summary>
    public static bool TryParse(string? value, out Digest digest) => TryParse(value, out digest, out _);

    private static bool TryParse(string? value, out Digest digest, out string error)
    {
        digest = default;
        if (string.IsNullOrEmpty(value))
        {
            error = "empty digest";
            return false;
        }
        var colon = value.IndexOf(':');
        if (colon <= 0)
        {
            error = "missing algorithm";
            return false;
        }
        var algorithm = value[..colon];
        var hex = value[(colon + 1)..];
        int expected;
        switch (algorithm)
        {
            case "sha256": expected = 64; break;
            case "sha512": expected = 128; break;
            default:
                error = $"unsupported digest algorithm \"{algorithm}\"";
                return false;
        }
        if (hex.Length != expected)
        {
            error = $"{algorithm} digest must have {expected} hex characters";
            return false;
        }
        foreach (var c in hex)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                error = "digest must be lowercase hex";
                return false;
            }
        }
        digest = new Digest(algorithm, hex);
        error = "";
        return true;
    }

    /// <summary>The sha256 digest of the bytes.</summary>
    public static Digest Sha256(ReadOnlySpan<byte> data) => new("sha256", Convert.ToHexStringLower(SHA256.HashData(data)));

    /// <summary>Builds a digest from an algorithm name and a finished hash.</summary>
    public static Digest FromHash(string algorithm, ReadOnlySpan<byte> hash) => new(algorithm, Convert.ToHexStringLower(hash));

    /// <summary>The first 12 hex characters, as Docker shows image and container IDs.</summary>
    public string Short => Hex[..12];

    /// <inheritdoc />
    public override string ToString() => Algorithm is null ? "" : $"{Algorithm}:{Hex}";
}
