namespace Wharf.Engine.Networks;

/// <summary>Driver names and the predefined networks, in Docker's vocabulary.</summary>
public static class NetworkDrivers
{
    /// <summary>Linux bridge driver.</summary>
    public const string Bridge = "bridge";

    /// <summary>The host's network namespace.</summary>
    public const string Host = "host";

    /// <summary>No networking (only loopback); the <c>none</c> network's driver.</summary>
    public const string Null = "null";

    /// <summary>Name of the predefined network using <see cref="Null"/>.</summary>
    public const string NoneNetwork = "none";

    /// <summary>Option naming a network's Linux bridge.</summary>
    public const string BridgeNameOption = "com.docker.network.bridge.name";

    /// <summary>Names of the networks created at first start, which cannot be removed.</summary>
    public static IReadOnlyList<string> Predefined { get; } = [Bridge, Host, NoneNetwork];
}
