namespace Wharf.Engine.Events;

/// <summary>
/// Where engine services report what happened, for <c>GET /events</c>. Services hold an optional publisher
/// (<c>public IEventPublisher? Events { get; set; }</c>) and call <c>Events?.Publish(…)</c> after a change succeeded;
/// publishing never blocks and never throws.
/// </summary>
public interface IEventPublisher
{
    /// <summary>Records and broadcasts an event of <paramref name="type"/> (see <see cref="EventTypes"/>) now.</summary>
    void Publish(string type, string action, string actorId, IReadOnlyDictionary<string, string>? attributes = null);
}
