namespace Wharf.Engine.Runtime.Spec;

/// <summary>A seccomp rule for a set of syscall names.</summary>
public sealed class OciSyscall
{
    /// <summary>Syscall names.</summary>
    public List<string> Names { get; set; } = [];

    /// <summary>Action, e.g. <c>SCMP_ACT_ALLOW</c>.</summary>
    public string Action { get; set; } = "SCMP_ACT_ALLOW";

    /// <summary>errno returned by an ERRNO action.</summary>
    public uint? ErrnoRet { get; set; }

    /// <summary>Argument conditions (all must match).</summary>
    public List<OciSyscallArg>? Args { get; set; }
}
