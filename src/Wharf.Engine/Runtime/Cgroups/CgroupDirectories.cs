namespace Wharf.Engine.Runtime.Cgroups;

/// <summary>The cgroup directories of one process: the v2 directory, or one directory per v1 controller.</summary>
/// <param name="Unified">True for cgroup v2.</param>
/// <param name="UnifiedDirectory">The v2 directory (null on v1).</param>
/// <param name="Controllers">v1 controller name → directory.</param>
public sealed record CgroupDirectories(bool Unified, string? UnifiedDirectory, IReadOnlyDictionary<string, string> Controllers)
{
    /// <summary>The directory holding <paramref name="controller"/>'s files (the unified one on v2), or null.</summary>
    public string? For(string controller) =>
        Unified ? UnifiedDirectory : Controllers.TryGetValue(controller, out var dir) ? dir : null;
}
