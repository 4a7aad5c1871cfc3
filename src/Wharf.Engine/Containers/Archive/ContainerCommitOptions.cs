using Wharf.Core.Oci;

namespace Wharf.Engine.Containers.Archive;

/// <summary>Options of <c>POST /commit</c> / <c>docker commit</c>.</summary>
public sealed class ContainerCommitOptions
{
    /// <summary>Repository to tag the new image with (<c>repo</c>), or null.</summary>
    public string? Repository { get; init; }

    /// <summary>Tag (<c>tag</c>); empty = <c>latest</c>.</summary>
    public string? Tag { get; init; }

    /// <summary>Commit message (<c>-m</c>).</summary>
    public string? Comment { get; init; }

    /// <summary>Author (<c>-a</c>).</summary>
    public string? Author { get; init; }

    /// <summary>Freeze the container while its changes are read (default true, as Docker).</summary>
    public bool Pause { get; init; } = true;

    /// <summary>Dockerfile instructions applied to the new config (<c>-c/--change</c>).</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    /// <summary>Config fields from the request body that replace the container's (null fields keep the container's).</summary>
    public ImageRuntimeConfig? Config { get; init; }
}
