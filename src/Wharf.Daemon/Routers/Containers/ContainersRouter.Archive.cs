using Wharf.Api.Json;
using Wharf.Api.Models;
using Wharf.Api.Streams;
using Wharf.Core.Errors;
using Wharf.Daemon.Http;
using Wharf.Engine.Containers.Archive;

namespace Wharf.Daemon.Routers.Containers;

public sealed partial class ContainersRouter
{
    /// <summary>The file system routes: <c>HEAD/GET/PUT /containers/{id}/archive</c> (<c>docker cp</c>) and <c>GET /containers/{id}/changes</c> (<c>docker diff</c>).</summary>
    private void MapArchive(RouteTable routes)
    {
        routes.Head("/containers/{id}/archive", StatPathAsync);
        routes.Get("/containers/{id}/archive", GetArchiveAsync);
        routes.Put("/containers/{id}/archive", PutArchiveAsync);
        routes.Get("/containers/{id}/changes", ChangesAsync);
    }

    private async Task StatPathAsync(ApiRequest request)
    {
        var info = await containers.StatPathAsync(request.Route("id"), RequiredPath(request), request.Aborted);
        request.Context.Response.Headers[ContainerPathStatHeader.Name] = ContainerPathStatHeader.Encode(ToWire(info));
        request.Context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task GetArchiveAsync(ApiRequest request)
    {
        var response = request.Context.Response;
        // The tar writer writes synchronously.
        if (request.Context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } bodyControl)
        {
            bodyControl.AllowSynchronousIO = true;
        }
        await containers.ArchivePathAsync(request.Route("id"), RequiredPath(request), async info =>
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.Headers.ContentType = StreamContentTypes.Tar;
            response.Headers[ContainerPathStatHeader.Name] = ContainerPathStatHeader.Encode(ToWire(info));
            await response.StartAsync(request.Aborted);
            return response.Body;
        }, request.Aborted);
    }

    private async Task PutArchiveAsync(ApiRequest request)
    {
        if (request.Context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } bodyControl)
        {
            bodyControl.AllowSynchronousIO = true;
        }
        await containers.ExtractToDirectoryAsync(request.Route("id"), RequiredPath(request), request.Context.Request.Body,
            request.Bool("noOverwriteDirNonDir"), request.Bool("copyUIDGID"), request.Aborted);
        request.Context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task ChangesAsync(ApiRequest request)
    {
        var changes = await containers.ChangesAsync(request.Route("id"), request.Aborted);
        await ApiResponses.WriteJsonAsync(request.Context,
            changes.Select(c => new ContainerChangeResponseItem { Path = c.Path, Kind = (int)c.Kind }).ToList(),
            WharfApiJsonContext.Default.ListContainerChangeResponseItem);
    }

    private static string RequiredPath(ApiRequest request)
    {
        var path = request.Query("path");
        return string.IsNullOrEmpty(path) ? throw new InvalidArgumentException("path is required") : path;
    }

    private static ContainerPathStat ToWire(ContainerPathInfo info) => new()
    {
        Name = info.Name,
        Size = info.Size,
        Mode = GoFileMode.FromUnix(info.Mode),
        Mtime = DockerTime.Format(info.ModificationTime),
        LinkTarget = info.LinkTarget,
    };
}
