using System.Globalization;

namespace Wharf.Api.Client;

/// <summary>Engine API version arithmetic as the docker CLI negotiates it.</summary>
public static class ClientApiVersion
{
    /// <summary>The highest API version this client speaks.</summary>
    public const string Max = ApiVersions.Current;

    /// <summary>The version assumed when the daemon sends no <c>Api-Version</c> header.</summary>
    public const string Fallback = "1.24";

    /// <summary>Picks min(server, <see cref="Max"/>); a missing or malformed header yields <see cref="Fallback"/>.</summary>
    public static string Negotiate(string? serverVersion)
    {
        if (string.IsNullOrWhiteSpace(serverVersion) || !TryParse(serverVersion, out _))
        {
            return Fallback;
        }
        return Compare(serverVersion, Max) < 0 ? serverVersion.Trim() : Max;
    }

    /// <summary>Compares two dotted versions numerically.</summary>
    public static int Compare(string a, string b) => ApiVersions.Compare(a, b);

    private static bool TryParse(string text, out int[] parts)
    {
        var pieces = text.Trim().Split('.');
        parts = new int[pieces.Length];
        for (var i = 0; i < pieces.Length; i++)
        {
            if (!int.TryParse(pieces[i], NumberStyles.None, CultureInfo.InvariantCulture, out parts[i]))
            {
                parts = [];
                return false;
            }
        }
        return true;
    }
}
