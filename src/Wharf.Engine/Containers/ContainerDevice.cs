namespace Wharf.Engine.Containers;

/// <summary>A <c>--device</c> mapping (Docker's <c>DeviceMapping</c>).</summary>
/// <param name="PathOnHost">Device node (or directory of nodes) on the host.</param>
/// <param name="PathInContainer">Where it appears in the container; empty = same path.</param>
/// <param name="CgroupPermissions">Any of <c>rwm</c>.</param>
public sealed record ContainerDevice(string PathOnHost, string PathInContainer, string CgroupPermissions);
