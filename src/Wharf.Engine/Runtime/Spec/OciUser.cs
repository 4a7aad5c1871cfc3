namespace Wharf.Engine.Runtime.Spec;

/// <summary>Numeric identity of the process (names are resolved before, from the image's passwd/group).</summary>
public sealed class OciUser
{
    /// <summary>User ID.</summary>
    public uint Uid { get; set; }

    /// <summary>Primary group ID.</summary>
    public uint Gid { get; set; }

    /// <summary>File mode creation mask.</summary>
    public uint? Umask { get; set; }

    /// <summary>Supplementary group IDs.</summary>
    public List<uint>? AdditionalGids { get; set; }
}
