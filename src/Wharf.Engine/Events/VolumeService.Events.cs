namespace Wharf.Engine.Volumes;

public sealed partial class VolumeService
{
    /// <summary>Where volume create and destroy events go (none when null).</summary>
    public Wharf.Engine.Events.IEventPublisher? Events { get; set; }
}
