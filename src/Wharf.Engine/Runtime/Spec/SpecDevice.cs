namespace Wharf.Engine.Runtime.Spec;

/// <summary>A host device to expose in the container (<c>--device</c>).</summary>
/// <param name="PathOnHost">Device node or directory of nodes on the host.</param>
/// <param name="PathInContainer">Destination; empty = <paramref name="PathOnHost"/>.</param>
/// <param name="Permissions">Cgroup access, any of <c>rwm</c>.</param>
public sealed record SpecDevice(string PathOnHost, string PathInContainer = "", string Permissions = "rwm");
