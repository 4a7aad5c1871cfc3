namespace Wharf.Engine.Runtime.Spec;

/// <summary>One mount of the <c>mounts</c> array.</summary>
public sealed class OciMount
{
    /// <summary>Absolute path inside the container.</summary>
    public string Destination { get; set; } = "";

    /// <summary>Filesystem type (<c>bind</c> for bind mounts).</summary>
    public string? Type { get; set; }

    /// <summary>Device, filesystem name or host path.</summary>
    public string? Source { get; set; }

    /// <summary>mount(8) options, e.g. <c>rbind</c>, <c>ro</c>, <c>nosuid</c>.</summary>
    public List<string>? Options { get; set; }
}
