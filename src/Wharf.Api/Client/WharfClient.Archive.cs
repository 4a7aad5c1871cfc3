using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Wharf.Api.Models;
using Wharf.Api.Streams;

namespace Wharf.Api.Client;

public sealed partial class WharfClient
{
    /// <summary><c>HEAD /containers/{id}/archive?path=</c>: the stat of a path in a container; throws <see cref="DaemonErrorException"/> (404 when missing).</summary>
    public async Task<ContainerPathStat> StatContainerPathAsync(string id, string path, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Head, $"/containers/{PathPart(id)}/archive{new QueryBuilder().Add("path", path)}", null,
            HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return DecodeStat(response);
    }

    /// <summary><c>GET /containers/{id}/archive?path=</c>: a tar of the path and its stat; the caller disposes the stream.</summary>
    public async Task<(Stream Content, ContainerPathStat Stat)> GetContainerArchiveAsync(string id, string path, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(HttpMethod.Get, $"/containers/{PathPart(id)}/archive{new QueryBuilder().Add("path", path)}", null,
            HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        ContainerPathStat stat;
        try
        {
            stat = DecodeStat(response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
        return (await OwnedBodyAsync(response, cancellationToken).ConfigureAwait(false), stat);
    }

    /// <summary><c>PUT /containers/{id}/archive?path=</c>: extracts <paramref name="tar"/> into directory <paramref name="path"/> of the container.</summary>
    public async Task PutContainerArchiveAsync(string id, string path, Stream tar, bool noOverwriteDirNonDir, bool copyUidGid, CancellationToken cancellationToken = default)
    {
        var query = new QueryBuilder().Add("path", path).AddFlag("noOverwriteDirNonDir", noOverwriteDirNonDir).AddFlag("copyUIDGID", copyUidGid);
        var content = new StreamContent(tar, 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        using var response = await SendAsync(HttpMethod.Put, $"/containers/{PathPart(id)}/archive{query}", content,
            HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /containers/{id}/changes</c>: <c>[{Path, Kind}]</c>.</summary>
    public async Task<JsonArray> ContainerChangesAsync(string id, CancellationToken cancellationToken = default) =>
        await SendForJsonAsync(HttpMethod.Get, $"/containers/{PathPart(id)}/changes", null, cancellationToken).ConfigureAwait(false) as JsonArray ?? [];

    /// <summary><c>POST /commit</c>: a new image from a container's changes; returns the image ID.</summary>
    public async Task<string> CommitContainerAsync(string container, string? repository, string? tag, string? comment, string? author, bool pause,
        IReadOnlyList<string> changes, CancellationToken cancellationToken = default)
    {
        var query = new QueryBuilder().Add("container", container).AddIfNotEmpty("repo", repository).AddIfNotEmpty("tag", tag)
            .AddIfNotEmpty("comment", comment).AddIfNotEmpty("author", author).Add("pause", pause ? "1" : "0");
        foreach (var change in changes)
        {
            query.Add("changes", change);
        }
        var answer = await SendForJsonAsync(HttpMethod.Post, "/commit" + query, null, cancellationToken).ConfigureAwait(false);
        return answer?["Id"]?.GetValue<string>() ?? "";
    }

    private static ContainerPathStat DecodeStat(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues(ContainerPathStatHeader.Name, out var values) && values.FirstOrDefault() is { Length: > 0 } header)
        {
            return ContainerPathStatHeader.Decode(header);
        }
        throw new DaemonErrorException(HttpStatusCode.InternalServerError, "unable to get resource stat from response");
    }
}
