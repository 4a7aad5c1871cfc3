namespace Wharf.Engine.Runtime.Spec;

/// <summary>A condition on one syscall argument.</summary>
public sealed class OciSyscallArg
{
    /// <summary>Argument index.</summary>
    public uint Index { get; set; }

    /// <summary>Value compared against.</summary>
    public ulong Value { get; set; }

    /// <summary>Second value (for <c>SCMP_CMP_MASKED_EQ</c>).</summary>
    public ulong? ValueTwo { get; set; }

    /// <summary>Comparison, e.g. <c>SCMP_CMP_EQ</c>.</summary>
    public string Op { get; set; } = "SCMP_CMP_EQ";
}
