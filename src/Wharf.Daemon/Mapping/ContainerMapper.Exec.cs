using Wire = Wharf.Api.Models;

namespace Wharf.Daemon.Mapping;

public static partial class ContainerMapper
{
    /// <summary>Sets inspect's <c>ExecIDs</c> (null when the container has no exec instances, as Docker shows it).</summary>
    public static Wire.ContainerInspect WithExecIds(this Wire.ContainerInspect inspect, IReadOnlyList<string>? execIds)
    {
        inspect.ExecIds = execIds is { Count: > 0 } ? [.. execIds] : null;
        return inspect;
    }
}
