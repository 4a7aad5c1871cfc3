namespace Wharf.Engine.Volumes;

/// <summary>What <see cref="VolumeService.Prune"/> removes.</summary>
public sealed record VolumePruneOptions
{
    /// <summary>Also remove unused named volumes (API ≥ 1.42 prunes anonymous ones only unless <c>all=true</c>).</summary>
    public bool All { get; init; }

    /// <summary><c>label</c>: only volumes with every one of these (<c>key</c> or <c>key=value</c>).</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary><c>label!</c>: volumes matching any of these are kept.</summary>
    public IReadOnlyList<string> NotLabels { get; init; } = [];
}
