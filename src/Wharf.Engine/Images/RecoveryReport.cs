namespace Wharf.Engine.Images;

/// <summary>What <see cref="ImageService.Recover"/> cleaned up.</summary>
public sealed class RecoveryReport
{
    /// <summary>Snapshots removed (unfinished unpacks, unused layers).</summary>
    public int RemovedSnapshots { get; set; }
    /// <summary>Snapshot directories that had no metadata row.</summary>
    public int RemovedOrphanDirectories { get; set; }
    /// <summary>Partial content writes removed.</summary>
    public int RemovedIngests { get; set; }
}
