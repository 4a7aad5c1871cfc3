using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;

namespace Wharf.Core.Ids;

/// <summary>Docker's 64-hex object IDs (containers, execs, networks): generation, the 12-character short form, prefix checks.</summary>
public static class StringIds
{
    /// <summary>The length Docker shows IDs truncated to.</summary>
    public const int ShortLength = 12;

    /// <summary>A new random 64-hex ID whose short form is never all digits (it is used as a hostname).</summary>
    public static string NewId()
    {
        while (true)
        {
            var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            if (!long.TryParse(Truncate(id), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return id;
            }
        }
    }

    /// <summary>The 12-character short form; an <c>algorithm:</c> prefix is dropped first (<c>sha256:abc…</c> → <c>abc…</c>).</summary>
    public static string Truncate(string id)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            id = id[(colon + 1)..];
        }
        return id.Length > ShortLength ? id[..ShortLength] : id;
    }

    /// <summary>True for a full 64-character lowercase hex ID.</summary>
    public static bool IsFullId([NotNullWhen(true)] string? value) => value is { Length: 64 } && IsLowerHex(value);

    /// <summary>True when <paramref name="value"/> could be an ID prefix: 1–64 lowercase hex characters.</summary>
    public static bool IsIdPrefix([NotNullWhen(true)] string? value) => value is { Length: > 0 and <= 64 } && IsLowerHex(value);

    private static bool IsLowerHex(string value)
    {
        foreach (var c in value)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }
        return true;
    }
}
