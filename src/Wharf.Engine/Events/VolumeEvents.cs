using Wharf.Engine.Volumes;

namespace Wharf.Engine.Events;

/// <summary>Docker's volume events (<c>create</c>, <c>mount</c>, <c>unmount</c>, <c>destroy</c>): actor ID = volume name, attributes <c>driver</c> plus, for mount/unmount, <c>container</c> (and mount's <c>destination</c>, <c>read/write</c>, <c>propagation</c>).</summary>
public static class VolumeEvents
{
    /// <summary>Publishes <c>create</c> or <c>destroy</c>.</summary>
    public static void Publish(IEventPublisher? events, string action, string name, string driver) =>
        events?.Publish(EventTypes.Volume, action, name, new Dictionary<string, string>(StringComparer.Ordinal) { ["driver"] = driver });

    /// <summary>Publishes <c>mount</c> of a volume into a container at <paramref name="destination"/>.</summary>
    public static void PublishMount(IEventPublisher? events, string name, string driver, string containerId, string destination, bool readWrite, string propagation = "") =>
        events?.Publish(EventTypes.Volume, "mount", name, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["driver"] = driver,
            ["container"] = containerId,
            ["destination"] = destination,
            ["read/write"] = readWrite ? "true" : "false",
            ["propagation"] = propagation,
        });

    /// <summary>Publishes <c>unmount</c> of a volume from a container.</summary>
    public static void PublishUnmount(IEventPublisher? events, string name, string driver, string containerId) =>
        events?.Publish(EventTypes.Volume, "unmount", name, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["driver"] = driver,
            ["container"] = containerId,
        });
}
