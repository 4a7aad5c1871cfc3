namespace Wharf.Engine.Runtime.Spec;

/// <summary>A namespace to create (no path) or join (path).</summary>
public sealed class OciNamespace
{
    /// <summary><c>pid</c>, <c>network</c>, <c>mount</c>, <c>ipc</c>, <c>uts</c>, <c>user</c> or <c>cgroup</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>Existing namespace file to join, e.g. <c>/proc/123/ns/net</c> or a bind-mounted netns.</summary>
    public string? Path { get; set; }
}
