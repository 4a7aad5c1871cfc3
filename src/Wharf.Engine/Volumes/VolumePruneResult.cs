namespace Wharf.Engine.Volumes;

/// <summary>What a prune removed.</summary>
public sealed record VolumePruneResult(IReadOnlyList<string> Deleted, long SpaceReclaimed);
