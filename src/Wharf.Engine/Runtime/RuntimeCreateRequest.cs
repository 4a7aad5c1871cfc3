namespace Wharf.Engine.Runtime;

/// <summary>Creates a container from a bundle under conmon (the container is <c>created</c>, not started).</summary>
public sealed record RuntimeCreateRequest
{
    /// <summary>Container ID (runc ID, exit file name).</summary>
    public required string Id { get; init; }

    /// <summary>Bundle directory holding <c>config.json</c>; conmon's cwd, and where it puts <c>attach</c>, <c>ctl</c>, <c>winsz</c>, <c>pidfile</c>, <c>conmon.pid</c>.</summary>
    public required string BundleDir { get; init; }

    /// <summary>k8s-file log path (must not contain <c>:</c>); null = no log.</summary>
    public string? LogPath { get; init; }

    /// <summary>Allocate a pty (must match <c>process.terminal</c>).</summary>
    public bool Tty { get; init; }

    /// <summary>Give the container a stdin fed by attach clients.</summary>
    public bool OpenStdin { get; init; }

    /// <summary>Docker's StdinOnce: the first attach client's EOF closes the container's stdin.</summary>
    public bool StdinOnce { get; init; }

    /// <summary>OCI runtime binary (name or path); null = <c>EngineOptions.DefaultRuntime</c> resolved through <c>EngineOptions.Runtimes</c>.</summary>
    public string? RuntimePath { get; init; }
}
