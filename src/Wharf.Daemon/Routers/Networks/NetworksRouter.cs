using Wharf.Api.Json;
using Wharf.Api.Models;
using Wharf.Api.Streams;
using Wharf.Core.Errors;
using Wharf.Daemon.Http;
using Wharf.Daemon.Mapping;
using Wharf.Engine.Containers;
using Wharf.Engine.Networks;

namespace Wharf.Daemon.Routers.Networks;

/// <summary>The <c>/networks</c> routes: list, inspect, create, remove, prune, and (with a container service) connect and disconnect.</summary>
public sealed class NetworksRouter(NetworkService networks, Func<string, string?>? containerName = null, ContainerService? containers = null) : IApiRouter
{
    /// <inheritdoc />
    public void Map(RouteTable routes)
    {
        routes.Get("/networks", ListAsync);
        routes.Post("/networks/create", CreateAsync);
        routes.Post("/networks/prune", PruneAsync);
        routes.Get("/networks/{id}", InspectAsync);
        routes.Delete("/networks/{id}", RemoveAsync);
        routes.Post("/networks/{id}/connect", ConnectAsync);
        routes.Post("/networks/{id}/disconnect", DisconnectAsync);
    }

    private async Task ConnectAsync(ApiRequest request)
    {
        var body = await request.ReadJsonAsync(WharfApiJsonContext.Default.NetworkConnectRequest) ?? new NetworkConnectRequest();
        if (string.IsNullOrEmpty(body.Container))
        {
            throw new InvalidArgumentException("container is required");
        }
        var service = containers ?? throw new NotImplementedWharfException("network connect is not supported");
        var network = networks.Resolve(request.Route("id"));
        await service.ConnectNetworkAsync(network.Id, body.Container, ContainerMapper.ToEngineEndpoint(network.Name, body.EndpointConfig), request.Aborted);
        await ApiResponses.NoContentAsync(request.Context, StatusCodes.Status200OK);
    }

    private async Task DisconnectAsync(ApiRequest request)
    {
        var body = await request.ReadJsonAsync(WharfApiJsonContext.Default.NetworkDisconnectRequest) ?? new NetworkDisconnectRequest();
        if (string.IsNullOrEmpty(body.Container))
        {
            throw new InvalidArgumentException("container is required");
        }
        var service = containers ?? throw new NotImplementedWharfException("network disconnect is not supported");
        await service.DisconnectNetworkAsync(request.Route("id"), body.Container, body.Force, request.Aborted);
        await ApiResponses.NoContentAsync(request.Context, StatusCodes.Status200OK);
    }

    private Task ListAsync(ApiRequest request)
    {
        var list = networks.List(ToDictionary(request.Filters())).Select(n => NetworkMapper.ToResource(n)).ToList();
        return ApiResponses.WriteJsonAsync(request.Context, list, WharfApiJsonContext.Default.ListNetworkResource);
    }

    private Task InspectAsync(ApiRequest request)
    {
        var network = networks.Resolve(request.Route("id"));
        var resource = NetworkMapper.ToResource(network, networks.Endpoints(network.Id), containerName);
        return ApiResponses.WriteJsonAsync(request.Context, resource, WharfApiJsonContext.Default.NetworkResource);
    }

    private async Task CreateAsync(ApiRequest request)
    {
        var body = await request.ReadJsonAsync(WharfApiJsonContext.Default.NetworkCreateRequest)
            ?? throw new InvalidArgumentException("network name must not be empty");
        var network = await networks.CreateAsync(NetworkMapper.ToCreateOptions(body), request.Aborted);
        await ApiResponses.WriteJsonAsync(request.Context, new NetworkCreateResponse { Id = network.Id },
            WharfApiJsonContext.Default.NetworkCreateResponse, StatusCodes.Status201Created);
    }

    private async Task RemoveAsync(ApiRequest request)
    {
        await networks.RemoveAsync(request.Route("id"), request.Aborted);
        await ApiResponses.NoContentAsync(request.Context);
    }

    private async Task PruneAsync(ApiRequest request)
    {
        var removed = await networks.PruneAsync(ToDictionary(request.Filters()), request.Aborted);
        await ApiResponses.WriteJsonAsync(request.Context, new NetworkPruneResponse { NetworksDeleted = removed.Count == 0 ? null : removed.ToList() },
            WharfApiJsonContext.Default.NetworkPruneResponse);
    }

    private static Dictionary<string, IReadOnlyList<string>> ToDictionary(Filters filters) =>
        filters.Keys.ToDictionary(k => k, k => filters.Get(k));
}
