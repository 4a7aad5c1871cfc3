namespace Wharf.Engine.Runtime.Conmon;

/// <summary>Filters of Docker's <c>GET /containers/{id}/logs</c>.</summary>
public sealed record LogReadOptions
{
    /// <summary>Include stdout.</summary>
    public bool Stdout { get; init; } = true;

    /// <summary>Include stderr.</summary>
    public bool Stderr { get; init; } = true;

    /// <summary>Only lines logged at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only lines logged before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only the last N lines (before following); -1 = all.</summary>
    public int Tail { get; init; } = -1;

    /// <summary>Keep streaming new lines until the container exited and the file is drained.</summary>
    public bool Follow { get; init; }
}
