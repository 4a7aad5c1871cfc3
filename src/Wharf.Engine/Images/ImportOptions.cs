namespace Wharf.Engine.Images;

/// <summary>Options of <c>docker import</c> / <c>POST /images/create?fromSrc=…</c>.</summary>
public sealed class ImportOptions
{
    /// <summary>Repository to tag the image with (<c>repo</c>, may include a tag), or null for an untagged image.</summary>
    public string? Repository { get; init; }

    /// <summary>Tag (<c>tag</c> query parameter); empty = the one in <see cref="Repository"/>, else <c>latest</c>.</summary>
    public string? Tag { get; init; }

    /// <summary>Dockerfile instructions applied to the config (<c>-c/--change</c>): CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR, HEALTHCHECK.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    /// <summary>Commit message (<c>-m</c>); when empty the comment is <c>Imported from &lt;source&gt;</c>.</summary>
    public string? Message { get; init; }

    /// <summary>Where the tar came from (<c>fromSrc</c>): <c>-</c> for the request body, or a URL/path.</summary>
    public string Source { get; init; } = "-";

    /// <summary>Target platform <c>os/arch[/variant]</c>; null = the host's.</summary>
    public string? Platform { get; init; }
}
