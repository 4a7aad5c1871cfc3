using Wharf.Api.Json;
using Wharf.Api.Models;
using Wharf.Daemon.Http;
using Wharf.Daemon.Mapping;
using Wharf.Engine.Volumes;

namespace Wharf.Daemon.Routers.Volumes;

/// <summary>The <c>/volumes</c> routes: create, list, inspect, remove, prune.</summary>
public sealed class VolumesRouter(VolumeService volumes) : IApiRouter
{
    /// <inheritdoc />
    public void Map(RouteTable routes)
    {
        routes.Post("/volumes/create", CreateAsync);
        routes.Get("/volumes", ListAsync);
        routes.Post("/volumes/prune", PruneAsync);
        routes.Get("/volumes/{name}", InspectAsync);
        routes.Delete("/volumes/{name}", RemoveAsync);
    }

    private async Task CreateAsync(ApiRequest request)
    {
        var body = await request.ReadJsonAsync(WharfApiJsonContext.Default.VolumeCreateRequest) ?? new VolumeCreateRequest();
        var volume = volumes.Create(new VolumeCreateOptions
        {
            Name = body.Name,
            Driver = body.Driver,
            Labels = body.Labels,
            DriverOptions = body.DriverOpts,
        });
        await ApiResponses.WriteJsonAsync(request.Context, VolumeMapper.ToApi(volume), WharfApiJsonContext.Default.Volume, StatusCodes.Status201Created);
    }

    private Task ListAsync(ApiRequest request)
    {
        var filters = request.Filters();
        filters.Validate("dangling", "driver", "label", "name");
        var filter = new VolumeListFilter
        {
            Dangling = filters.Contains("dangling") && filters.Get("dangling").Count > 0 ? filters.GetBoolOrDefault("dangling", false) : null,
            Names = filters.Get("name"),
            Drivers = filters.Get("driver"),
            Labels = filters.Get("label"),
        };
        var response = new VolumeListResponse { Volumes = volumes.List(filter).Select(v => VolumeMapper.ToApi(v)).ToList() };
        return ApiResponses.WriteJsonAsync(request.Context, response, WharfApiJsonContext.Default.VolumeListResponse);
    }

    private Task InspectAsync(ApiRequest request) =>
        ApiResponses.WriteJsonAsync(request.Context, VolumeMapper.ToApi(volumes.Get(request.Route("name"))), WharfApiJsonContext.Default.Volume);

    private Task RemoveAsync(ApiRequest request)
    {
        volumes.Remove(request.Route("name"), request.Bool("force"));
        return ApiResponses.NoContentAsync(request.Context);
    }

    private Task PruneAsync(ApiRequest request)
    {
        var filters = request.Filters();
        filters.Validate("label", "label!", "all");
        // Before API 1.42 prune removed every unused volume; from 1.42 only anonymous ones unless all=true.
        var all = !request.AtLeast("1.42") || filters.GetBoolOrDefault("all", false);
        var result = volumes.Prune(new VolumePruneOptions
        {
            All = all,
            Labels = filters.Get("label"),
            NotLabels = filters.Get("label!"),
        });
        var response = new VolumePruneResponse { VolumesDeleted = [.. result.Deleted], SpaceReclaimed = result.SpaceReclaimed };
        return ApiResponses.WriteJsonAsync(request.Context, response, WharfApiJsonContext.Default.VolumePruneResponse);
    }
}
