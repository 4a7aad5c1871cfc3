namespace Wharf.Engine.Runtime.Spec;

/// <summary>A seccomp filter.</summary>
public sealed class OciSeccomp
{
    /// <summary>Action when no rule matches, e.g. <c>SCMP_ACT_ERRNO</c>.</summary>
    public string DefaultAction { get; set; } = "SCMP_ACT_ALLOW";

    /// <summary>errno returned by the default action.</summary>
    public uint? DefaultErrnoRet { get; set; }

    /// <summary>Architectures the filter covers, e.g. <c>SCMP_ARCH_X86_64</c>.</summary>
    public List<string>? Architectures { get; set; }

    /// <summary>Rules.</summary>
    public List<OciSyscall>? Syscalls { get; set; }
}
