using Wharf.Daemon.Http;

namespace Wharf.Daemon.Routers;

/// <summary>One API area's routes (system, containers, images…).</summary>
public interface IApiRouter
{
    /// <summary>Adds the area's routes to <paramref name="routes"/>.</summary>
    void Map(RouteTable routes);
}
