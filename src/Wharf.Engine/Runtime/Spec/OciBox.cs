namespace Wharf.Engine.Runtime.Spec;

/// <summary>A console size in characters.</summary>
public sealed class OciBox
{
    /// <summary>Rows.</summary>
    public uint Height { get; set; }

    /// <summary>Columns.</summary>
    public uint Width { get; set; }
}
