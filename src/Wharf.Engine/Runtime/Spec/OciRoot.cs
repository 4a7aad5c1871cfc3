namespace Wharf.Engine.Runtime.Spec;

/// <summary>The container's root filesystem.</summary>
public sealed class OciRoot
{
    /// <summary>Path of the rootfs (absolute, or relative to the bundle).</summary>
    public string Path { get; set; } = "rootfs";

    /// <summary>Whether the root is mounted read-only.</summary>
    public bool Readonly { get; set; }
}
