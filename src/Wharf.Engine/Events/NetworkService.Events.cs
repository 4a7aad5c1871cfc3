namespace Wharf.Engine.Networks;

public sealed partial class NetworkService
{
    /// <summary>Where network create, connect, disconnect and destroy events go (none when null).</summary>
    public Wharf.Engine.Events.IEventPublisher? Events { get; set; }
}
