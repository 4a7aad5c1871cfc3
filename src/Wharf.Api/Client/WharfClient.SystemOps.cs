using System.Text.Json.Nodes;
using Wharf.Api.Streams;

namespace Wharf.Api.Client;

public sealed partial class WharfClient
{
    /// <summary><c>POST /containers/prune</c>; returns <c>{"ContainersDeleted", "SpaceReclaimed"}</c>.</summary>
    public Task<JsonObject> PruneContainersAsync(Filters? filters = null, CancellationToken cancellationToken = default) =>
        PostPruneAsync("/containers/prune", filters, cancellationToken);

    /// <summary><c>POST /images/prune</c>; returns <c>{"ImagesDeleted", "SpaceReclaimed"}</c>.</summary>
    public Task<JsonObject> PruneImagesAsync(Filters? filters = null, CancellationToken cancellationToken = default) =>
        PostPruneAsync("/images/prune", filters, cancellationToken);

    /// <summary><c>GET /system/df</c>.</summary>
    public async Task<JsonObject> GetDiskUsageAsync(CancellationToken cancellationToken = default) =>
        await SendForJsonAsync(HttpMethod.Get, "/system/df", null, cancellationToken).ConfigureAwait(false) as JsonObject ?? [];

    private async Task<JsonObject> PostPruneAsync(string path, Filters? filters, CancellationToken cancellationToken)
    {
        var query = new QueryBuilder();
        if (filters is { Count: > 0 })
        {
            query.Add("filters", filters.ToJson());
        }
        return await SendForJsonAsync(HttpMethod.Post, path + query, null, cancellationToken).ConfigureAwait(false) as JsonObject ?? [];
    }
}
