using System.Text.Json.Nodes;

namespace Wharf.Api.Client;

public sealed partial class WharfClient
{
    /// <summary><c>GET /version</c>.</summary>
    public async Task<JsonObject> GetVersionAsync(CancellationToken cancellationToken = default) =>
        (JsonObject?)await SendForJsonAsync(HttpMethod.Get, "/version", null, cancellationToken).ConfigureAwait(false) ?? [];

    /// <summary><c>GET /info</c>.</summary>
    public async Task<JsonObject> GetInfoAsync(CancellationToken cancellationToken = default) =>
        (JsonObject?)await SendForJsonAsync(HttpMethod.Get, "/info", null, cancellationToken).ConfigureAwait(false) ?? [];
}
