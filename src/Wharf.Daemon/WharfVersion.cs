using System.Reflection;

namespace Wharf.Daemon;

/// <summary>The daemon's own version strings.</summary>
public static class WharfVersion
{
    /// <summary>Product version, e.g. <c>0.1.0</c>.</summary>
    public static string Version { get; } =
        typeof(WharfVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] is { Length: > 0 } v && v != "1.0.0"
            ? v
            : "0.1.0";

    /// <summary>Source revision when the build recorded one, else <c>unknown</c>.</summary>
    public static string GitCommit { get; } =
        typeof(WharfVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+') is { Length: > 1 } parts
            ? parts[1][..Math.Min(7, parts[1].Length)]
            : "unknown";
}
