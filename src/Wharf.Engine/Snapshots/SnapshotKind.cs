namespace Wharf.Engine.Snapshots;

/// <summary>Lifecycle state of a snapshot.</summary>
public enum SnapshotKind
{
    /// <summary>Writable, addressed by key (a container, or a layer being unpacked).</summary>
    Active,
    /// <summary>Read-only, addressed by name (a layer's chain ID); can be a parent.</summary>
    Committed,
}
