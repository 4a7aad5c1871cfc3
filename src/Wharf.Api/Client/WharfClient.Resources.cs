using System.Text.Json.Nodes;

namespace Wharf.Api.Client;

public sealed partial class WharfClient
{
    /// <summary><c>GET /containers/{id}/top?ps_args=</c>: <c>Titles</c> and <c>Processes</c>.</summary>
    public async Task<JsonObject> TopContainerAsync(string id, string? psArgs = null, CancellationToken cancellationToken = default) =>
        await SendForJsonAsync(HttpMethod.Get, $"/containers/{PathPart(id)}/top{new QueryBuilder().AddIfNotEmpty("ps_args", psArgs)}", null, cancellationToken).ConfigureAwait(false) as JsonObject
        ?? throw new InvalidDataException("empty top response");

    /// <summary><c>GET /containers/{id}/stats</c>: a body of newline-separated JSON frames (one when <paramref name="stream"/> is false).</summary>
    public async Task<Stream> ContainerStatsAsync(string id, bool stream, bool oneShot = false, CancellationToken cancellationToken = default)
    {
        var query = new QueryBuilder().Add("stream", stream ? "1" : "0").AddFlag("one-shot", oneShot);
        var response = await SendAsync(HttpMethod.Get, $"/containers/{PathPart(id)}/stats{query}", null, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await OwnedBodyAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>POST /containers/{id}/update</c>; returns the warnings.</summary>
    public async Task<IReadOnlyList<string>> UpdateContainerAsync(string id, JsonObject body, CancellationToken cancellationToken = default)
    {
        var answer = await SendForJsonAsync(HttpMethod.Post, $"/containers/{PathPart(id)}/update", body, cancellationToken).ConfigureAwait(false);
        return answer?["Warnings"] is JsonArray warnings ? warnings.Select(w => w?.GetValue<string>() ?? "").Where(w => w.Length > 0).ToList() : [];
    }
}
