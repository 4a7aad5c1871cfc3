using Wharf.Engine.Images;

namespace Wharf.Engine.Tests.Images;

/// <summary>Containers "using" images, for rmi conflict tests.</summary>
public sealed class FakeImageUsage : IImageUsage
{
    public List<(string ContainerId, string ImageId, bool Running)> Containers { get; } = [];

    public IReadOnlyList<string> ContainersUsing(string imageId, bool runningOnly) =>
        Containers.Where(c => c.ImageId == imageId && (!runningOnly || c.Running)).Select(c => c.ContainerId).ToList();
}
