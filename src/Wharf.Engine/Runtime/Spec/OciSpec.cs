namespace Wharf.Engine.Runtime.Spec;

/// <summary>The OCI runtime spec <c>config.json</c> of a bundle (runtime-spec 1.0.2, as runc 1.1 reads it).</summary>
public sealed class OciSpec
{
    /// <summary>Spec version the bundle follows.</summary>
    public string OciVersion { get; set; } = "1.0.2-dev";

    /// <summary>The container's init process.</summary>
    public OciProcess? Process { get; set; }

    /// <summary>The root filesystem.</summary>
    public OciRoot? Root { get; set; }

    /// <summary>Hostname inside the UTS namespace.</summary>
    public string? Hostname { get; set; }

    /// <summary>Domain name inside the UTS namespace.</summary>
    public string? Domainname { get; set; }

    /// <summary>Mounts in the order they are made.</summary>
    public List<OciMount> Mounts { get; set; } = [];

    /// <summary>Linux-specific configuration.</summary>
    public OciLinux? Linux { get; set; }

    /// <summary>Arbitrary metadata.</summary>
    public Dictionary<string, string>? Annotations { get; set; }
}
