using Wharf.Engine.Runtime.Spec;

namespace Wharf.Engine.Runtime;

/// <summary>Runs an extra process in a running container under its own conmon (Docker exec).</summary>
public sealed record RuntimeExecRequest
{
    /// <summary>The running container's ID.</summary>
    public required string ContainerId { get; init; }

    /// <summary>Exec session ID (names conmon's socket symlink; any unique string).</summary>
    public required string ExecId { get; init; }

    /// <summary>A directory of this session only (conmon puts <c>attach</c>, <c>ctl</c>, pid and exit files there); created if missing.</summary>
    public required string SessionDir { get; init; }

    /// <summary>The process; <c>Terminal</c> decides tty mode.</summary>
    public required OciProcess Process { get; init; }

    /// <summary>Connect an attach socket before the process starts (output and stdin through <see cref="ExecSession.Attach"/>).</summary>
    public bool Attach { get; init; } = true;

    /// <summary>Give the process a stdin fed by the attach connection (ignored with a tty, which is always writable).</summary>
    public bool OpenStdin { get; init; }

    /// <summary>Runtime binary the container was created with; null = default.</summary>
    public string? RuntimePath { get; init; }
}
