using System.Text.Json.Nodes;
using Wharf.Api.Streams;

namespace Wharf.Api.Client;

public sealed partial class WharfClient
{
    /// <summary><c>POST /volumes/create</c>; returns the volume.</summary>
    public async Task<JsonObject> CreateVolumeAsync(string? name, string? driver, IReadOnlyDictionary<string, string>? labels,
        IReadOnlyDictionary<string, string>? driverOptions, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["Name"] = name ?? "",
            ["Driver"] = driver ?? "",
            ["DriverOpts"] = ToJsonMap(driverOptions),
            ["Labels"] = ToJsonMap(labels),
        };
        return await SendForJsonAsync(HttpMethod.Post, "/volumes/create", body, cancellationToken).ConfigureAwait(false) as JsonObject
            ?? throw new InvalidDataException("empty volume create response");
    }

    /// <summary><c>GET /volumes</c>; returns the <c>Volumes</c> array.</summary>
    public async Task<JsonArray> ListVolumesAsync(Filters? filters = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryBuilder();
        if (filters is { Count: > 0 })
        {
            query.Add("filters", filters.ToJson());
        }
        var response = await SendForJsonAsync(HttpMethod.Get, "/volumes" + query, null, cancellationToken).ConfigureAwait(false);
        return response?["Volumes"] as JsonArray ?? [];
    }

    /// <summary><c>GET /volumes/{name}</c>.</summary>
    public async Task<JsonObject> InspectVolumeAsync(string name, CancellationToken cancellationToken = default) =>
        await SendForJsonAsync(HttpMethod.Get, $"/volumes/{PathPart(name)}", null, cancellationToken).ConfigureAwait(false) as JsonObject
        ?? throw new InvalidDataException("empty volume inspect response");

    /// <summary><c>DELETE /volumes/{name}?force=</c>.</summary>
    public Task RemoveVolumeAsync(string name, bool force = false, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Delete, $"/volumes/{PathPart(name)}{new QueryBuilder().AddFlag("force", force)}", null, cancellationToken);

    /// <summary><c>POST /volumes/prune</c>; returns <c>{"VolumesDeleted", "SpaceReclaimed"}</c>.</summary>
    public async Task<JsonObject> PruneVolumesAsync(Filters? filters = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryBuilder();
        if (filters is { Count: > 0 })
        {
            query.Add("filters", filters.ToJson());
        }
        return await SendForJsonAsync(HttpMethod.Post, "/volumes/prune" + query, null, cancellationToken).ConfigureAwait(false) as JsonObject ?? [];
    }

    private static JsonObject ToJsonMap(IReadOnlyDictionary<string, string>? map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map ?? new Dictionary<string, string>())
        {
            result[key] = value;
        }
        return result;
    }
}
