using Wharf.Api.Streams;
using System.Net;
using System.Text.Json.Nodes;

namespace Wharf.Api.Client;

public sealed partial class WharfClient
{
    /// <summary><c>POST /containers/create</c>; returns the new ID and the daemon's warnings.</summary>
    public async Task<(string Id, IReadOnlyList<string> Warnings)> CreateContainerAsync(JsonObject body, string? name = null, string? platform = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryBuilder().AddIfNotEmpty("name", name).AddIfNotEmpty("platform", platform);
        var response = await SendForJsonAsync(HttpMethod.Post, "/containers/create" + query, body, cancellationToken).ConfigureAwait(false);
        var id = response?["Id"]?.GetValue<string>() ?? throw new InvalidDataException("the daemon's create response has no Id");
        var warnings = new List<string>();
        if (response!["Warnings"] is JsonArray array)
        {
            foreach (var w in array)
            {
                if (w?.GetValue<string>() is { Length: > 0 } text)
                {
                    warnings.Add(text);
                }
            }
        }
        return (id, warnings);
    }

    /// <summary><c>POST /containers/{id}/start</c>; returns false when it was already running (304).</summary>
    public async Task<bool> StartContainerAsync(string id, CancellationToken cancellationToken = default) =>
        await SendNoContentAsync(HttpMethod.Post, $"/containers/{PathPart(id)}/start", null, cancellationToken).ConfigureAwait(false) != HttpStatusCode.NotModified;

    /// <summary><c>POST /containers/{id}/stop</c>; returns false when it was already stopped (304).</summary>
    public async Task<bool> StopContainerAsync(string id, int? timeoutSeconds = null, string? signal = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryBuilder().AddIfNotEmpty("signal", signal);
        if (timeoutSeconds is { } t)
        {
            query.Add("t", t);
        }
        return await SendNoContentAsync(HttpMethod.Post, $"/containers/{PathPart(id)}/stop{query}", null, cancellationToken).ConfigureAwait(false) != HttpStatusCode.NotModified;
    }

    /// <summary><c>POST /containers/{id}/kill</c>.</summary>
    public Task KillContainerAsync(string id, string? signal = null, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Post, $"/containers/{PathPart(id)}/kill{new QueryBuilder().AddIfNotEmpty("signal", signal)}", null, cancellationToken);

    /// <summary><c>DELETE /containers/{id}</c>.</summary>
    public Task RemoveContainerAsync(string id, bool force = false, bool removeVolumes = false, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Delete, $"/containers/{PathPart(id)}{new QueryBuilder().AddFlag("force", force).AddFlag("v", removeVolumes)}", null, cancellationToken);

    /// <summary><c>POST /containers/{id}/resize</c>.</summary>
    public Task ResizeContainerAsync(string id, int height, int width, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Post, $"/containers/{PathPart(id)}/resize{new QueryBuilder().Add("h", height).Add("w", width)}", null, cancellationToken);

    /// <summary>
    /// <c>POST /containers/{id}/wait?condition=…</c>. The outer task completes once the daemon sent the response
    /// headers (errors such as 404 surface there, before the container is started); the inner one when the condition is met.
    /// </summary>
    public async Task<Task<ContainerWaitResult>> WaitContainerAsync(string id, string? condition = null, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(HttpMethod.Post, $"/containers/{PathPart(id)}/wait{new QueryBuilder().AddIfNotEmpty("condition", condition)}",
            null, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return ReadWaitBodyAsync(response, cancellationToken);
    }

    private static async Task<ContainerWaitResult> ReadWaitBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (bytes.Length == 0)
            {
                throw new IOException("the daemon closed the wait request without a result");
            }
            var body = JsonNode.Parse(bytes);
            var code = body?["StatusCode"]?.GetValue<long>() ?? 0;
            var error = body?["Error"]?["Message"]?.GetValue<string>();
            return new ContainerWaitResult(code, string.IsNullOrEmpty(error) ? null : error);
        }
    }

    /// <summary><c>GET /containers/json</c>; returns the raw summaries (template data for <c>ps --format</c>).</summary>
    public async Task<JsonArray> ListContainersAsync(bool all = false, int limit = -1, bool size = false, Filters? filters = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryBuilder().AddFlag("all", all).AddFlag("size", size);
        if (limit > 0)
        {
            query.Add("limit", limit);
        }
        if (filters is { Count: > 0 })
        {
            query.Add("filters", filters.ToJson());
        }
        return await SendForJsonAsync(HttpMethod.Get, "/containers/json" + query, null, cancellationToken).ConfigureAwait(false) as JsonArray ?? [];
    }

    /// <summary><c>GET /containers/{id}/json</c>.</summary>
    public async Task<JsonObject> InspectContainerAsync(string id, bool size = false, CancellationToken cancellationToken = default) =>
        await SendForJsonAsync(HttpMethod.Get, $"/containers/{PathPart(id)}/json{new QueryBuilder().AddFlag("size", size)}", null, cancellationToken).ConfigureAwait(false) as JsonObject
        ?? throw new InvalidDataException("empty container inspect response");

    /// <summary><c>GET /containers/{id}/logs</c>; returns the body stream (multiplexed unless the container has a TTY).</summary>
    public async Task<Stream> GetContainerLogsAsync(string id, LogsOptions options, CancellationToken cancellationToken = default)
    {
        var query = new QueryBuilder()
            .AddIfNotEmpty("since", options.Since)
            .AddIfNotEmpty("until", options.Until)
            .AddFlag("stderr", options.Stderr)
            .AddFlag("stdout", options.Stdout)
            .AddIfNotEmpty("tail", options.Tail)
            .AddFlag("timestamps", options.Timestamps)
            .AddFlag("follow", options.Follow);
        var response = await SendAsync(HttpMethod.Get, $"/containers/{PathPart(id)}/logs{query}", null, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await OwnedBodyAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /containers/{id}/export</c>; returns the tar stream.</summary>
    public async Task<Stream> ExportContainerAsync(string id, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(HttpMethod.Get, $"/containers/{PathPart(id)}/export", null, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await OwnedBodyAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Hijacks <c>POST /containers/{id}/attach</c>: a raw bidirectional stream to the container's stdio.</summary>
    public async Task<HijackedConnection> AttachContainerAsync(string id, bool stdin, bool stdout, bool stderr, bool logs = false, string? detachKeys = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryBuilder().AddIfNotEmpty("detachKeys", detachKeys).AddFlag("logs", logs).AddFlag("stderr", stderr).AddFlag("stdin", stdin).AddFlag("stdout", stdout).Add("stream", "1");
        var prefix = await GetPathPrefixAsync(cancellationToken).ConfigureAwait(false);
        return await HijackedConnection.OpenAsync(this, prefix + $"/containers/{PathPart(id)}/attach{query}", null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Stream> OwnedBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new ResponseStream(stream, response);
    }
}
