namespace Wharf.Engine.Containers;

/// <summary>What <c>POST /containers/create</c> asks for.</summary>
public sealed record ContainerCreateOptions
{
    /// <summary><c>?name=</c>; null or empty = a generated name.</summary>
    public string? Name { get; init; }

    /// <summary>The Config fields of the body; <see cref="ContainerConfig.Image"/> names the image.</summary>
    public required ContainerConfig Config { get; init; }

    /// <summary>The HostConfig of the body.</summary>
    public ContainerHostConfig HostConfig { get; init; } = new();
}
