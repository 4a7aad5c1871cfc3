using Wharf.Api.Json;
using Wharf.Api.Models;
using Wharf.Daemon.Http;
using Wharf.Daemon.Mapping;
using Wharf.Engine.Containers;
using Wharf.Engine.Images;
using Wharf.Engine.Volumes;

namespace Wharf.Daemon.Routers.System;

/// <summary><c>GET /system/df</c>: disk use of images (layers, shared bytes, users), containers (their changes), volumes and build cache; <c>POST /build/prune</c>.</summary>
public sealed class SystemDiskUsageRouter(ContainerService containers, ImageService images, VolumeService? volumes) : IApiRouter
{
    /// <inheritdoc />
    public void Map(RouteTable routes)
    {
        routes.Get("/system/df", DiskUsageAsync);
        routes.Post("/build/prune", PruneBuildCacheAsync);
    }

    /// <summary>The classic builder keeps no cache records apart from images, so there is never anything to free here.</summary>
    private static Task PruneBuildCacheAsync(ApiRequest request) =>
        ApiResponses.WriteJsonAsync(request.Context, new BuildCachePruneResponse(), WharfApiJsonContext.Default.BuildCachePruneResponse);

    private async Task DiskUsageAsync(ApiRequest request)
    {
        // `type` (API 1.42+) limits what is computed; without it everything is.
        var types = request.QueryAll("type").ToHashSet(StringComparer.Ordinal);
        bool Wants(string type) => types.Count == 0 || types.Contains(type);
        var answer = new SystemDiskUsage();
        if (Wants("image"))
        {
            var (layersSize, usage) = await Task.Run(images.DiskUsage, request.Aborted);
            answer.LayersSize = layersSize;
            answer.Images = usage.Select(u =>
            {
                var summary = ImageMapper.ToSummary(u.Image);
                summary.SharedSize = u.SharedSize;
                summary.Containers = u.Containers;
                return summary;
            }).ToList();
        }
        if (Wants("container"))
        {
            var list = await containers.ListAsync(new ContainerListOptions { All = true, Size = true }, request.Aborted);
            var now = DateTimeOffset.UtcNow;
            answer.Containers = list.Select(c => ContainerMapper.ToSummary(c, now)).ToList();
        }
        if (Wants("volume") && volumes is not null)
        {
            answer.Volumes = await Task.Run(() => volumes.ListWithUsage().Select(v => VolumeMapper.ToApi(v.Volume, v.Usage)).ToList(), request.Aborted);
        }
        await ApiResponses.WriteJsonAsync(request.Context, answer, WharfApiJsonContext.Default.SystemDiskUsage);
    }
}
