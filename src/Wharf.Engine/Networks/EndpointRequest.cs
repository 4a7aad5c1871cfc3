namespace Wharf.Engine.Networks;

/// <summary>A network a container asked to join (<c>NetworkingConfig.EndpointsConfig</c> entry, <c>--network</c>, <c>network connect</c>).</summary>
public sealed record EndpointRequest
{
    /// <summary>The network as named by the client (name or ID).</summary>
    public required string Network { get; init; }

    /// <summary><c>--network-alias</c> / <c>--alias</c>.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary><c>--ip</c>; null = allocated at start.</summary>
    public string? IPv4Address { get; init; }

    /// <summary><c>--mac-address</c>; null = derived from the address.</summary>
    public string? MacAddress { get; init; }
}
