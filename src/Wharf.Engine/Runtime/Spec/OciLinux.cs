namespace Wharf.Engine.Runtime.Spec;

/// <summary>The <c>linux</c> object.</summary>
public sealed class OciLinux
{
    /// <summary>Namespaces to create or join.</summary>
    public List<OciNamespace> Namespaces { get; set; } = [];

    /// <summary>Cgroup limits.</summary>
    public OciResources? Resources { get; set; }

    /// <summary>Cgroup path; with the cgroupfs driver an absolute path below every hierarchy's root.</summary>
    public string? CgroupsPath { get; set; }

    /// <summary>Device nodes created in the container's /dev.</summary>
    public List<OciDevice>? Devices { get; set; }

    /// <summary>Kernel parameters set in the container's namespaces.</summary>
    public Dictionary<string, string>? Sysctl { get; set; }

    /// <summary>Seccomp filter; null = none.</summary>
    public OciSeccomp? Seccomp { get; set; }

    /// <summary>Propagation of the rootfs mount (<c>rprivate</c>, <c>rslave</c>, ...).</summary>
    public string? RootfsPropagation { get; set; }

    /// <summary>Paths made unreadable (masked with /dev/null or an empty tmpfs).</summary>
    public List<string>? MaskedPaths { get; set; }

    /// <summary>Paths remounted read-only.</summary>
    public List<string>? ReadonlyPaths { get; set; }

    /// <summary>SELinux mount label.</summary>
    public string? MountLabel { get; set; }
}
