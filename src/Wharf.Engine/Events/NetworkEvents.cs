using Wharf.Engine.Networks;

namespace Wharf.Engine.Events;

/// <summary>Docker's network events (<c>create</c>, <c>connect</c>, <c>disconnect</c>, <c>destroy</c>): actor ID = network ID, attributes <c>name</c>, <c>type</c> and, for connect/disconnect, <c>container</c>.</summary>
public static class NetworkEvents
{
    /// <summary>Publishes one network event; a no-op without a publisher.</summary>
    public static void Publish(IEventPublisher? events, string action, NetworkRecord network, string? containerId = null)
    {
        if (events is null)
        {
            return;
        }
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = network.Name,
            ["type"] = network.Driver,
        };
        if (containerId is not null)
        {
            attributes["container"] = containerId;
        }
        events.Publish(EventTypes.Network, action, network.Id, attributes);
    }
}
