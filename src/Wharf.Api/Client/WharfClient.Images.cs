using Wharf.Api.Streams;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Wharf.Api.Client;

public sealed partial class WharfClient
{
    /// <summary><c>GET /images/json</c>; returns the raw summaries.</summary>
    public async Task<JsonArray> ListImagesAsync(bool all = false, Filters? filters = null, bool digests = false, CancellationToken cancellationToken = default)
    {
        var query = new QueryBuilder().AddFlag("all", all);
        if (filters is { Count: > 0 })
        {
            query.Add("filters", filters.ToJson());
        }
        query.AddFlag("digests", digests);
        return await SendForJsonAsync(HttpMethod.Get, "/images/json" + query, null, cancellationToken).ConfigureAwait(false) as JsonArray ?? [];
    }

    /// <summary><c>GET /images/{name}/json</c>.</summary>
    public async Task<JsonObject> InspectImageAsync(string name, CancellationToken cancellationToken = default) =>
        await SendForJsonAsync(HttpMethod.Get, $"/images/{PathPart(name)}/json", null, cancellationToken).ConfigureAwait(false) as JsonObject
        ?? throw new InvalidDataException("empty image inspect response");

    /// <summary><c>POST /images/{name}/tag?repo=&amp;tag=</c>.</summary>
    public Task TagImageAsync(string source, string repository, string? tag, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Post, $"/images/{PathPart(source)}/tag{new QueryBuilder().Add("repo", repository).AddIfNotEmpty("tag", tag)}", null, cancellationToken);

    /// <summary><c>DELETE /images/{name}</c>; returns the <c>[{"Untagged"}|{"Deleted"}]</c> items.</summary>
    public async Task<JsonArray> RemoveImageAsync(string name, bool force = false, bool noPrune = false, CancellationToken cancellationToken = default) =>
        await SendForJsonAsync(HttpMethod.Delete, $"/images/{PathPart(name)}{new QueryBuilder().AddFlag("force", force).AddFlag("noprune", noPrune)}", null, cancellationToken).ConfigureAwait(false) as JsonArray ?? [];

    /// <summary><c>POST /images/create?fromImage=&amp;tag=</c> (pull); returns the JSON message stream.</summary>
    public async Task<Stream> PullImageAsync(string fromImage, string? tag, string? platform = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryBuilder().Add("fromImage", fromImage).AddIfNotEmpty("tag", tag).AddIfNotEmpty("platform", platform);
        var response = await SendAsync(HttpMethod.Post, "/images/create" + query, null, HttpCompletionOption.ResponseHeadersRead, cancellationToken,
            [new("X-Registry-Auth", "e30=")]).ConfigureAwait(false);
        return await OwnedBodyAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>POST /images/create?fromSrc=-</c> (import) with <paramref name="source"/> streamed as the body; returns the JSON message stream.</summary>
    public async Task<Stream> ImportImageAsync(Stream source, string? repository, string? tag, string? message, IEnumerable<string> changes, string? platform = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryBuilder().Add("fromSrc", "-").AddIfNotEmpty("repo", repository).AddIfNotEmpty("tag", tag).AddIfNotEmpty("message", message).AddIfNotEmpty("platform", platform);
        foreach (var change in changes)
        {
            query.Add("changes", change);
        }
        var content = new StreamContent(source, 64 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        var response = await SendAsync(HttpMethod.Post, "/images/create" + query, content, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await OwnedBodyAsync(response, cancellationToken).ConfigureAwait(false);
    }
}
