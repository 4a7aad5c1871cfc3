namespace Wharf.Api;

/// <summary>Engine API versions this implementation speaks (Docker's numbering).</summary>
public static class ApiVersions
{
    /// <summary>The version the daemon advertises in <c>Api-Version</c> and <c>/version</c>.</summary>
    public const string Current = "1.44";

    /// <summary>The oldest request version accepted (moby's minimum).</summary>
    public const string Minimum = "1.24";

    /// <summary>The newest request version accepted.</summary>
    public const string Maximum = "1.50";

    /// <summary>Parses <c>1.NN</c> into a comparable <see cref="Version"/>; false when malformed.</summary>
    public static bool TryParse(string? text, out Version version)
    {
        version = new Version(0, 0);
        if (string.IsNullOrEmpty(text) || !System.Version.TryParse(text, out var parsed) || parsed is null)
        {
            return false;
        }
        version = parsed;
        return true;
    }

    /// <summary>Compares two API version strings like moby (missing parts are 0); malformed counts as 0.</summary>
    public static int Compare(string a, string b)
    {
        TryParse(a, out var va);
        TryParse(b, out var vb);
        return new Version(va.Major, Math.Max(va.Minor, 0)).CompareTo(new Version(vb.Major, Math.Max(vb.Minor, 0)));
    }

    /// <summary>True when <paramref name="version"/> is older than <paramref name="than"/>.</summary>
    public static bool LessThan(string version, string than) => Compare(version, than) < 0;

    /// <summary>True when <paramref name="version"/> is at least <paramref name="atLeast"/>.</summary>
    public static bool GreaterOrEqual(string version, string atLeast) => Compare(version, atLeast) >= 0;
}
