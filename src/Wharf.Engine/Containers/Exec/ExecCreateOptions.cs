namespace Wharf.Engine.Containers.Exec;

/// <summary>What <c>docker exec</c> asks for (<c>POST /containers/{id}/exec</c>).</summary>
public sealed record ExecCreateOptions
{
    /// <summary>Command and arguments; must not be empty.</summary>
    public required IReadOnlyList<string> Cmd { get; init; }

    /// <summary><c>KEY=value</c> additions to the container's environment (<c>KEY</c> alone removes it).</summary>
    public IReadOnlyList<string> Env { get; init; } = [];

    /// <summary>User (<c>name|uid[:group|gid]</c>); empty = the container's.</summary>
    public string? User { get; init; }

    /// <summary>Working directory; empty = the container's.</summary>
    public string? WorkingDir { get; init; }

    /// <summary>All capabilities.</summary>
    public bool Privileged { get; init; }

    /// <summary>Allocate a pseudo-terminal.</summary>
    public bool Tty { get; init; }

    /// <summary>Attach stdin.</summary>
    public bool AttachStdin { get; init; }

    /// <summary>Attach stdout.</summary>
    public bool AttachStdout { get; init; }

    /// <summary>Attach stderr.</summary>
    public bool AttachStderr { get; init; }

    /// <summary>Detach key sequence as given (<c>ctrl-p,ctrl-q</c> form); null = default.</summary>
    public string? DetachKeys { get; init; }

    /// <summary>Initial tty size (rows, columns).</summary>
    public (int Height, int Width)? ConsoleSize { get; init; }
}
