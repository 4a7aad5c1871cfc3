using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Wharf.Api.Streams;

namespace Wharf.Api.Client;

public sealed partial class WharfClient
{
    /// <summary>
    /// <c>GET /events</c>: the daemon's events as they come, one JSON object each (<c>Type</c>, <c>Action</c>, <c>Actor</c>,
    /// <c>time</c>, <c>timeNano</c>…). <paramref name="since"/>/<paramref name="until"/> are the API's
    /// <c>seconds[.nanoseconds]</c>; the sequence ends when the daemon ends the stream (at <c>until</c>) or on cancellation.
    /// </summary>
    public async IAsyncEnumerable<JsonObject> GetEventsAsync(string? since = null, string? until = null, Filters? filters = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = new QueryBuilder()
            .AddIfNotEmpty("since", since)
            .AddIfNotEmpty("until", until)
            .AddIfNotEmpty("filters", filters?.ToJson());
        using var response = await SendAsync(HttpMethod.Get, "/events" + query, null, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(body);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            if (JsonNode.Parse(line) is JsonObject message)
            {
                yield return message;
            }
        }
    }
}
