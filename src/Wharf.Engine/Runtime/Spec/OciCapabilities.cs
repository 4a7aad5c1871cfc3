namespace Wharf.Engine.Runtime.Spec;

/// <summary>Capability sets, names in <c>CAP_X</c> form.</summary>
public sealed class OciCapabilities
{
    /// <summary>Bounding set.</summary>
    public List<string>? Bounding { get; set; }

    /// <summary>Effective set.</summary>
    public List<string>? Effective { get; set; }

    /// <summary>Inheritable set.</summary>
    public List<string>? Inheritable { get; set; }

    /// <summary>Permitted set.</summary>
    public List<string>? Permitted { get; set; }

    /// <summary>Ambient set.</summary>
    public List<string>? Ambient { get; set; }
}
