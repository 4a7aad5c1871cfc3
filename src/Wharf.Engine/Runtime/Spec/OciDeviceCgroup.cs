namespace Wharf.Engine.Runtime.Spec;

/// <summary>A device cgroup rule.</summary>
public sealed class OciDeviceCgroup
{
    /// <summary>Allow (true) or deny (false).</summary>
    public bool Allow { get; set; }

    /// <summary><c>a</c>, <c>c</c> or <c>b</c>; null = all.</summary>
    public string? Type { get; set; }

    /// <summary>Major number; null = any.</summary>
    public long? Major { get; set; }

    /// <summary>Minor number; null = any.</summary>
    public long? Minor { get; set; }

    /// <summary>Any of <c>rwm</c>.</summary>
    public string? Access { get; set; }
}
