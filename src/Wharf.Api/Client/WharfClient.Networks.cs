using System.Text.Json.Nodes;
using Wharf.Api.Streams;

namespace Wharf.Api.Client;

public sealed partial class WharfClient
{
    /// <summary><c>POST /networks/create</c> with a Docker <c>NetworkCreateRequest</c> body; returns <c>{"Id", "Warning"}</c>.</summary>
    public async Task<JsonObject> CreateNetworkAsync(JsonObject request, CancellationToken cancellationToken = default) =>
        await SendForJsonAsync(HttpMethod.Post, "/networks/create", request, cancellationToken).ConfigureAwait(false) as JsonObject
        ?? throw new InvalidDataException("empty network create response");

    /// <summary><c>GET /networks</c>.</summary>
    public async Task<JsonArray> ListNetworksAsync(Filters? filters = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryBuilder();
        if (filters is { Count: > 0 })
        {
            query.Add("filters", filters.ToJson());
        }
        return await SendForJsonAsync(HttpMethod.Get, "/networks" + query, null, cancellationToken).ConfigureAwait(false) as JsonArray ?? [];
    }

    /// <summary><c>GET /networks/{id}?verbose=&amp;scope=</c>.</summary>
    public async Task<JsonObject> InspectNetworkAsync(string nameOrId, bool verbose = false, string? scope = null, CancellationToken cancellationToken = default) =>
        await SendForJsonAsync(HttpMethod.Get, $"/networks/{PathPart(nameOrId)}{new QueryBuilder().AddFlag("verbose", verbose).AddIfNotEmpty("scope", scope)}", null, cancellationToken).ConfigureAwait(false) as JsonObject
        ?? throw new InvalidDataException("empty network inspect response");

    /// <summary><c>DELETE /networks/{id}</c>.</summary>
    public Task RemoveNetworkAsync(string nameOrId, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Delete, $"/networks/{PathPart(nameOrId)}", null, cancellationToken);

    /// <summary><c>POST /networks/prune</c>; returns <c>{"NetworksDeleted"}</c>.</summary>
    public async Task<JsonObject> PruneNetworksAsync(Filters? filters = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryBuilder();
        if (filters is { Count: > 0 })
        {
            query.Add("filters", filters.ToJson());
        }
        return await SendForJsonAsync(HttpMethod.Post, "/networks/prune" + query, null, cancellationToken).ConfigureAwait(false) as JsonObject ?? [];
    }

    /// <summary><c>POST /networks/{id}/connect</c> with <c>{"Container", "EndpointConfig"}</c> (aliases, static addresses).</summary>
    public Task ConnectNetworkAsync(string network, string container, IReadOnlyList<string>? aliases = null, string? ipv4 = null, string? ipv6 = null,
        CancellationToken cancellationToken = default)
    {
        var endpoint = new JsonObject();
        if (aliases is { Count: > 0 })
        {
            endpoint["Aliases"] = new JsonArray(aliases.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray());
        }
        if (!string.IsNullOrEmpty(ipv4) || !string.IsNullOrEmpty(ipv6))
        {
            var ipam = new JsonObject();
            if (!string.IsNullOrEmpty(ipv4))
            {
                ipam["IPv4Address"] = ipv4;
            }
            if (!string.IsNullOrEmpty(ipv6))
            {
                ipam["IPv6Address"] = ipv6;
            }
            endpoint["IPAMConfig"] = ipam;
        }
        var body = new JsonObject { ["Container"] = container, ["EndpointConfig"] = endpoint };
        return SendNoContentAsync(HttpMethod.Post, $"/networks/{PathPart(network)}/connect", body, cancellationToken);
    }

    /// <summary><c>POST /networks/{id}/disconnect</c> with <c>{"Container", "Force"}</c>.</summary>
    public Task DisconnectNetworkAsync(string network, string container, bool force = false, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Post, $"/networks/{PathPart(network)}/disconnect", new JsonObject { ["Container"] = container, ["Force"] = force }, cancellationToken);
}
