using Wharf.Engine.Filesystem;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>Takes a removed container's directory off the removal path (one rename); null deletes it in place.</summary>
    public DeferredDeleter? Deleter { get; set; }
}
