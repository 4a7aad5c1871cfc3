namespace Wharf.Api.Client;

/// <summary>Query options of <c>GET /containers/{id}/logs</c>.</summary>
public sealed record LogsOptions
{
    /// <summary>Include stdout.</summary>
    public bool Stdout { get; init; } = true;

    /// <summary>Include stderr.</summary>
    public bool Stderr { get; init; } = true;

    /// <summary>Keep streaming until the container stops.</summary>
    public bool Follow { get; init; }

    /// <summary>Prefix each line with its RFC 3339 timestamp.</summary>
    public bool Timestamps { get; init; }

    /// <summary>Number of lines from the end, or <c>all</c>.</summary>
    public string? Tail { get; init; }

    /// <summary>Unix timestamp (seconds, optional fraction) to start from.</summary>
    public string? Since { get; init; }

    /// <summary>Unix timestamp (seconds, optional fraction) to stop at.</summary>
    public string? Until { get; init; }
}
