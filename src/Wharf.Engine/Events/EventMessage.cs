namespace Wharf.Engine.Events;

/// <summary>
/// One entry of the daemon's event stream, Docker's <c>events.Message</c> as the engine records it: what kind of object
/// (<see cref="Type"/>), what happened to it (<see cref="Action"/>), which object (<see cref="ActorId"/>) with its
/// attributes, and when (nanoseconds since the unix epoch, the ordering key of <c>--since</c>/<c>--until</c>).
/// </summary>
/// <param name="Type"><c>container</c>, <c>image</c>, <c>network</c>, <c>volume</c>, <c>daemon</c> (see <see cref="EventTypes"/>).</param>
/// <param name="Action">Docker's action text, e.g. <c>start</c>, <c>health_status: healthy</c>, <c>exec_create: sh</c>.</param>
/// <param name="ActorId">The object's ID (container or network ID, image ID or reference, volume name).</param>
/// <param name="Attributes">The object's attributes (labels, <c>name</c>, <c>image</c>, <c>exitCode</c>…).</param>
/// <param name="TimeNano">Nanoseconds since the unix epoch.</param>
public sealed record EventMessage(string Type, string Action, string ActorId, IReadOnlyDictionary<string, string> Attributes, long TimeNano)
{
    /// <summary>Whole seconds since the unix epoch (Docker's <c>time</c>).</summary>
    public long Time => TimeNano / 1_000_000_000;
}
