namespace Wharf.Engine.Snapshots;

/// <summary>What the snapshotter records about one snapshot.</summary>
public sealed record SnapshotInfo
{
    /// <summary>Numeric ID, also the directory name under <c>snapshots/</c>.</summary>
    public required long Id { get; init; }
    /// <summary>Key (active) or name (committed).</summary>
    public required string Key { get; init; }
    /// <summary>Name of the committed parent, or null.</summary>
    public string? Parent { get; init; }
    /// <summary>Active or committed.</summary>
    public required SnapshotKind Kind { get; init; }
    /// <summary>When it was prepared (or committed).</summary>
    public required DateTimeOffset Created { get; init; }
    /// <summary>Bytes of its own files (computed on commit; 0 for active snapshots).</summary>
    public long Size { get; init; }
}
