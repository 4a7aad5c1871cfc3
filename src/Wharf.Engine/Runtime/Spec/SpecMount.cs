namespace Wharf.Engine.Runtime.Spec;

/// <summary>An extra mount requested for a container (bind of /etc/hosts, a volume, a tmpfs).</summary>
/// <param name="Source">Host path (bind) or filesystem name (tmpfs).</param>
/// <param name="Destination">Absolute path in the container.</param>
/// <param name="Type"><c>bind</c> (default) or a filesystem type such as <c>tmpfs</c>.</param>
/// <param name="Options">mount options; for binds <c>rbind</c> and <c>rprivate</c> are added when missing.</param>
public sealed record SpecMount(string Source, string Destination, string Type = "bind", IReadOnlyList<string>? Options = null);
