namespace Wharf.Engine.Volumes;

/// <summary>What <see cref="VolumeService.Create"/> takes (<c>POST /volumes/create</c>).</summary>
public sealed record VolumeCreateOptions
{
    /// <summary>Name; null or empty creates an anonymous volume with a random 64-hex name.</summary>
    public string? Name { get; init; }

    /// <summary>Driver; null or empty means <c>local</c>.</summary>
    public string? Driver { get; init; }

    /// <summary>Labels.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Driver options (<c>-o type=tmpfs,device=tmpfs,o=size=1m</c>).</summary>
    public IReadOnlyDictionary<string, string>? DriverOptions { get; init; }
}
