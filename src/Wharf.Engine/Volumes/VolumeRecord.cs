namespace Wharf.Engine.Volumes;

/// <summary>A volume as the engine knows it (domain type; the daemon maps it to the wire model).</summary>
public sealed record VolumeRecord
{
    /// <summary>Unique name (64 hex for anonymous volumes).</summary>
    public required string Name { get; init; }

    /// <summary>Volume driver; only <c>local</c> exists.</summary>
    public required string Driver { get; init; }

    /// <summary>Host path of the volume's data (<c>&lt;data-root&gt;/volumes/&lt;name&gt;/_data</c>).</summary>
    public required string Mountpoint { get; init; }

    /// <summary>When the volume was created (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>User labels (including <see cref="VolumeLabels.Anonymous"/> for anonymous volumes).</summary>
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    /// <summary>Driver options (<c>type</c>, <c>device</c>, <c>o</c>) as given at creation.</summary>
    public required IReadOnlyDictionary<string, string> Options { get; init; }

    /// <summary>True for volumes created without a name (prunable by default).</summary>
    public bool Anonymous => Labels.ContainsKey(VolumeLabels.Anonymous);
}
