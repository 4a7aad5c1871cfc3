namespace Wharf.Engine.Runtime.Spec;

/// <summary>The <c>process</c> object: what runs as the container's init (also the exec process spec).</summary>
public sealed class OciProcess
{
    /// <summary>Whether a pseudo-terminal is allocated; must match conmon's <c>-t</c>.</summary>
    public bool Terminal { get; set; }

    /// <summary>Initial console size; conmon resizes through its ctl fifo instead.</summary>
    public OciBox? ConsoleSize { get; set; }

    /// <summary>User the process runs as.</summary>
    public OciUser User { get; set; } = new();

    /// <summary>argv; <c>args[0]</c> is looked up in PATH by runc.</summary>
    public List<string> Args { get; set; } = [];

    /// <summary><c>KEY=value</c> environment.</summary>
    public List<string> Env { get; set; } = [];

    /// <summary>Absolute working directory.</summary>
    public string Cwd { get; set; } = "/";

    /// <summary>Capability sets.</summary>
    public OciCapabilities? Capabilities { get; set; }

    /// <summary>Resource limits (setrlimit).</summary>
    public List<OciRlimit>? Rlimits { get; set; }

    /// <summary>Sets PR_SET_NO_NEW_PRIVS.</summary>
    public bool NoNewPrivileges { get; set; }

    /// <summary>AppArmor profile name.</summary>
    public string? ApparmorProfile { get; set; }

    /// <summary>oom_score_adj of the process.</summary>
    public int? OomScoreAdj { get; set; }

    /// <summary>SELinux label.</summary>
    public string? SelinuxLabel { get; set; }
}
