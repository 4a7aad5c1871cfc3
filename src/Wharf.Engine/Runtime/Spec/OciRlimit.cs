namespace Wharf.Engine.Runtime.Spec;

/// <summary>One setrlimit(2) entry.</summary>
public sealed class OciRlimit
{
    /// <summary>Resource name, e.g. <c>RLIMIT_NOFILE</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>Hard limit.</summary>
    public ulong Hard { get; set; }

    /// <summary>Soft limit.</summary>
    public ulong Soft { get; set; }
}
