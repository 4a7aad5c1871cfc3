namespace Wharf.Cli.Formatting;

/// <summary>docker's ID and text truncation.</summary>
internal static class Truncation
{
    /// <summary><c>stringid.TruncateID</c>: drops an algorithm prefix and keeps 12 characters.</summary>
    public static string ShortId(string id)
    {
        var colon = id.IndexOf(':');
        if (colon >= 0)
        {
            id = id[(colon + 1)..];
        }
        return id.Length > 12 ? id[..12] : id;
    }

    /// <summary><c>formatter.Ellipsis</c>: cuts to <paramref name="max"/> display cells, the last being <c>…</c>.</summary>
    public static string Ellipsis(string text, int max)
    {
        var runes = text.EnumerateRunes().ToList();
        if (runes.Count <= max)
        {
            return text;
        }
        if (max <= 0)
        {
            return "";
        }
        return string.Concat(runes.Take(max - 1).Select(r => r.ToString())) + "…";
    }
}
