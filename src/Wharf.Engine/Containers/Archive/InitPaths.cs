namespace Wharf.Engine.Containers.Archive;

/// <summary>
/// Paths the runtime creates in a container's rootfs as mount points (Docker keeps them in its hidden "init" layer):
/// they are not changes of the container, so <c>diff</c> and <c>commit</c> leave them out.
/// </summary>
public static class InitPaths
{
    private static readonly HashSet<string> Files = new(StringComparer.Ordinal)
    {
        "/.dockerenv", "/etc/hosts", "/etc/hostname", "/etc/resolv.conf", "/etc/mtab", Runtime.Spec.OciSpecBuilder.InitPathInContainer,
    };

    private static readonly string[] Trees = ["/dev", "/proc", "/sys"];

    /// <summary>Whether the absolute container path <paramref name="path"/> is runtime scaffolding rather than a change.</summary>
    public static bool IsInitPath(string path) =>
        Files.Contains(path) || Trees.Any(t => path == t || path.StartsWith(t + "/", StringComparison.Ordinal));
}
