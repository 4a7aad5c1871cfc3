namespace Wharf.Engine;

/// <summary>Everything host-global an engine instance owns comes from here, so several daemons on one host never collide.</summary>
public sealed class EngineOptions
{
    /// <summary>Persistent state: wharf.db, content, snapshots, containers, volumes.</summary>
    public string DataRoot { get; set; } = "/var/lib/wharf";

    /// <summary>Runtime state on tmpfs: runc root, conmon exit/persist dirs, sockets.</summary>
    public string ExecRoot { get; set; } = "/run/wharf";

    /// <summary><c>overlay</c> (default, also accepts <c>overlay2</c>) or <c>vfs</c>.</summary>
    public string StorageDriver { get; set; } = "overlay";

    /// <summary>Default OCI runtime name; resolved through <see cref="Runtimes"/>.</summary>
    public string DefaultRuntime { get; set; } = "runc";

    /// <summary>Runtime name to binary path.</summary>
    public Dictionary<string, string> Runtimes { get; set; } = new() { ["runc"] = "runc" };

    /// <summary>Path or name of conmon.</summary>
    public string ConmonPath { get; set; } = "conmon";

    /// <summary>Cgroup parent for containers (relative, like Docker's <c>--cgroup-parent</c>).</summary>
    public string CgroupParent { get; set; } = "wharf";

    /// <summary>Binary that runs as PID 1 with <c>--init</c>.</summary>
    public string InitPath { get; set; } = "catatonit";

    /// <summary>Directory of the runc state (<c>runc --root</c>).</summary>
    public string RuntimeRoot => Path.Combine(ExecRoot, "runc");

    /// <summary>Path of the SQLite metadata database.</summary>
    public string DatabasePath => Path.Combine(DataRoot, "wharf.db");
}
