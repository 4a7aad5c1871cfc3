namespace Wharf.Engine.Volumes;

/// <summary>Docker's label filter semantics: <c>key</c> needs the key, <c>key=value</c> needs that value.</summary>
internal static class LabelMatcher
{
    public static bool Matches(IReadOnlyDictionary<string, string> labels, string filter)
    {
        var eq = filter.IndexOf('=');
        if (eq < 0)
        {
            return labels.ContainsKey(filter);
        }
        return labels.TryGetValue(filter[..eq], out var value) && value == filter[(eq + 1)..];
    }

    /// <summary>True when every one of <paramref name="all"/> matches and none of <paramref name="none"/> does.</summary>
    public static bool Matches(IReadOnlyDictionary<string, string> labels, IReadOnlyList<string> all, IReadOnlyList<string> none) =>
        all.All(f => Matches(labels, f)) && !none.Any(f => Matches(labels, f));
}
