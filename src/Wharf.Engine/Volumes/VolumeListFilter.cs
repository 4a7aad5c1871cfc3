namespace Wharf.Engine.Volumes;

/// <summary>The filters of <c>GET /volumes</c>: values of one key OR together, different keys AND, labels all must match.</summary>
public sealed record VolumeListFilter
{
    /// <summary><c>dangling</c>: true keeps only unreferenced volumes, false only referenced ones, null both.</summary>
    public bool? Dangling { get; init; }

    /// <summary><c>name</c>: substrings of the name (moby matches with <c>strings.Contains</c>).</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary><c>driver</c>: exact driver names.</summary>
    public IReadOnlyList<string> Drivers { get; init; } = [];

    /// <summary><c>label</c>: <c>key</c> or <c>key=value</c>; every one must match.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary><c>label!</c>: a volume matching any of these is left out.</summary>
    public IReadOnlyList<string> NotLabels { get; init; } = [];
}
