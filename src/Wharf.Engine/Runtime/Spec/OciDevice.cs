namespace Wharf.Engine.Runtime.Spec;

/// <summary>A device node to create in the container.</summary>
public sealed class OciDevice
{
    /// <summary>Path in the container.</summary>
    public string Path { get; set; } = "";

    /// <summary><c>c</c>, <c>b</c>, <c>u</c> or <c>p</c>.</summary>
    public string Type { get; set; } = "c";

    /// <summary>Major number.</summary>
    public long Major { get; set; }

    /// <summary>Minor number.</summary>
    public long Minor { get; set; }

    /// <summary>Permission bits.</summary>
    public uint? FileMode { get; set; }

    /// <summary>Owner.</summary>
    public uint? Uid { get; set; }

    /// <summary>Group.</summary>
    public uint? Gid { get; set; }
}
