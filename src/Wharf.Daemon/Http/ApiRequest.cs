using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Wharf.Api;
using Wharf.Api.Streams;
using Wharf.Core.Errors;

namespace Wharf.Daemon.Http;

/// <summary>One API request as a handler sees it: the HTTP context, route values and the negotiated API version.</summary>
public sealed class ApiRequest(HttpContext context, IReadOnlyDictionary<string, string> route, string version)
{
    /// <summary>The ASP.NET Core context.</summary>
    public HttpContext Context { get; } = context;

    /// <summary>The API version of the request (the path's <c>/v1.NN</c>, else <see cref="ApiVersions.Current"/>).</summary>
    public string Version { get; } = version;

    /// <summary>Aborted when the client goes away.</summary>
    public CancellationToken Aborted => Context.RequestAborted;

    /// <summary>A route value, e.g. <c>id</c>.</summary>
    public string Route(string name) => route[name];

    /// <summary>A query value (the first when repeated), null when absent.</summary>
    public string? Query(string name) => Context.Request.Query.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;

    /// <summary>All values of a repeated query key.</summary>
    public IReadOnlyList<string> QueryAll(string name) =>
        Context.Request.Query.TryGetValue(name, out var v) ? v.Where(s => s is not null).Select(s => s!).ToList() : [];

    /// <summary>A query boolean, moby-style (<see cref="QueryBool"/>).</summary>
    public bool Bool(string name, bool defaultValue = false) =>
        Context.Request.Query.ContainsKey(name) ? QueryBool.ParseOrDefault(Query(name), defaultValue) : defaultValue;

    /// <summary>An optional integer query value; 400 when malformed.</summary>
    public int? Int(string name)
    {
        var text = Query(name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidArgumentException($"invalid value for {name}: strconv.Atoi: parsing \"{text}\": invalid syntax");
    }

    /// <summary>The <c>filters</c> query parameter.</summary>
    public Filters Filters() => Api.Streams.Filters.Parse(Query("filters"));

    /// <summary>True when the request version is at least <paramref name="version"/>.</summary>
    public bool AtLeast(string version) => ApiVersions.GreaterOrEqual(Version, version);

    /// <summary>Reads a JSON body; an empty body gives null. 400 for malformed JSON, as moby.</summary>
    public async Task<T?> ReadJsonAsync<T>(JsonTypeInfo<T> type) where T : class
    {
        using var buffer = new MemoryStream();
        await Context.Request.Body.CopyToAsync(buffer, Aborted);
        return ParseJson(buffer.ToArray(), type);
    }

    /// <summary>Parses a JSON body already read; empty gives null.</summary>
    public static T? ParseJson<T>(byte[] body, JsonTypeInfo<T> type) where T : class
    {
        if (body.AsSpan().Trim(" \r\n\t"u8).IsEmpty)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException e)
        {
            throw new InvalidArgumentException(e.Message, e);
        }
    }
}
