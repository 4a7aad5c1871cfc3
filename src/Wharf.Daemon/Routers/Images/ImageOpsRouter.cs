using Wharf.Api.Json;
using Wharf.Api.Models;
using Wharf.Core.Oci;
using Wharf.Daemon.Http;
using Wharf.Daemon.Mapping;
using Wharf.Engine.Containers;
using Wharf.Engine.Containers.Archive;
using Wharf.Engine.Images;

namespace Wharf.Daemon.Routers.Images;

/// <summary>Routes that need both containers and images: <c>POST /commit</c> and <c>POST /images/prune</c>.</summary>
public sealed class ImageOpsRouter(ContainerService containers, ImageService images) : IApiRouter
{
    /// <inheritdoc />
    public void Map(RouteTable routes)
    {
        routes.Post("/commit", CommitAsync);
        routes.Post("/images/prune", PruneAsync);
    }

    private async Task CommitAsync(ApiRequest request)
    {
        var body = await request.ReadJsonAsync(WharfApiJsonContext.Default.ContainerConfig);
        var options = new ContainerCommitOptions
        {
            Repository = request.Query("repo"),
            Tag = request.Query("tag"),
            Comment = request.Query("comment"),
            Author = request.Query("author"),
            Pause = request.Bool("pause", defaultValue: true),
            Changes = request.QueryAll("changes").Where(c => c.Length > 0).ToList(),
            Config = body is null ? null : ToRuntimeConfig(body),
        };
        var image = await containers.CommitAsync(request.Query("container") ?? "", options, images, request.Aborted);
        await ApiResponses.WriteJsonAsync(request.Context, new IdResponse { Id = image.Id.ToString() }, WharfApiJsonContext.Default.IdResponse,
            StatusCodes.Status201Created);
    }

    private async Task PruneAsync(ApiRequest request)
    {
        var filters = request.Filters();
        var result = await Task.Run(() => images.Prune(filters.Keys.ToDictionary(k => k, k => filters.Get(k))), request.Aborted);
        var answer = new ImagePruneResponse
        {
            ImagesDeleted = result.Deleted.Select(d => new ImageDeleteResponseItem { Untagged = d.Untagged, Deleted = d.Deleted }).ToList(),
            SpaceReclaimed = result.SpaceReclaimed,
        };
        await ApiResponses.WriteJsonAsync(request.Context, answer, WharfApiJsonContext.Default.ImagePruneResponse);
    }

    private static ImageRuntimeConfig ToRuntimeConfig(Wharf.Api.Models.ContainerConfig c) => new()
    {
        User = c.User,
        Env = c.Env,
        Cmd = c.Cmd,
        Entrypoint = c.Entrypoint,
        WorkingDir = c.WorkingDir,
        Labels = c.Labels,
        ExposedPorts = c.ExposedPorts,
        Volumes = c.Volumes,
        StopSignal = c.StopSignal,
        OnBuild = c.OnBuild,
    };
}
