using System.Net;
using Wharf.Api.Json;
using Wharf.Api.Models;
using Wharf.Api.Streams;
using Wharf.Core.Errors;
using Wharf.Daemon.Http;
using Wharf.Daemon.Mapping;
using Wharf.Engine.Images;

namespace Wharf.Daemon.Routers.Images;

/// <summary>The <c>/images</c> routes: list, inspect, tag, remove, import (<c>create?fromSrc</c>); pulling answers 501 for now.</summary>
public sealed class ImagesRouter(ImageService images, string driver) : IApiRouter
{
    /// <inheritdoc />
    public void Map(RouteTable routes)
    {
        routes.Get("/images/json", ListAsync);
        routes.Post("/images/create", CreateAsync);
        routes.Get("/images/{name*}/json", InspectAsync);
        routes.Post("/images/{name*}/tag", TagAsync);
        routes.Delete("/images/{name*}", RemoveAsync);
    }

    private Task ListAsync(ApiRequest request)
    {
        var filters = request.Filters();
        filters.Validate("dangling", "label", "label!", "reference", "before", "since", "until");
        var options = new ImageListOptions
        {
            All = request.Bool("all"),
            Filters = filters.Keys.ToDictionary(k => k, k => filters.Get(k)),
        };
        var list = images.List(options).Select(ImageMapper.ToSummary).ToList();
        return ApiResponses.WriteJsonAsync(request.Context, list, WharfApiJsonContext.Default.ListImageSummary);
    }

    private Task InspectAsync(ApiRequest request)
    {
        var image = images.Resolve(request.Route("name"));
        return ApiResponses.WriteJsonAsync(request.Context, ImageMapper.ToInspect(image, driver), WharfApiJsonContext.Default.ImageInspect);
    }

    private Task TagAsync(ApiRequest request)
    {
        var repo = request.Query("repo");
        if (string.IsNullOrEmpty(repo))
        {
            throw new InvalidArgumentException("repository name must have at least one component");
        }
        var tag = request.Query("tag");
        images.Tag(request.Route("name"), string.IsNullOrEmpty(tag) ? repo : repo + ":" + tag);
        return ApiResponses.NoContentAsync(request.Context, StatusCodes.Status201Created);
    }

    private Task RemoveAsync(ApiRequest request)
    {
        var entries = images.Remove(request.Route("name"), request.Bool("force"), request.Bool("noprune"));
        var items = entries.Select(e => new ImageDeleteResponseItem { Untagged = e.Untagged, Deleted = e.Deleted }).ToList();
        return ApiResponses.WriteJsonAsync(request.Context, items, WharfApiJsonContext.Default.ListImageDeleteResponseItem);
    }

    private async Task CreateAsync(ApiRequest request)
    {
        var fromSrc = request.Query("fromSrc");
        if (string.IsNullOrEmpty(fromSrc))
        {
            if (!string.IsNullOrEmpty(request.Query("fromImage")))
            {
                throw new NotImplementedWharfException("pulling from registries is not implemented yet");
            }
            throw new InvalidArgumentException("either fromImage or fromSrc must be set");
        }
        var options = new ImportOptions
        {
            Source = fromSrc,
            Repository = NullIfEmpty(request.Query("repo")),
            Tag = NullIfEmpty(request.Query("tag")),
            Message = NullIfEmpty(request.Query("message")),
            Changes = request.QueryAll("changes"),
            Platform = NullIfEmpty(request.Query("platform")),
        };
        ImageRecord image;
        if (fromSrc == "-")
        {
            // The layer unpacker reads the tar synchronously.
            if (request.Context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } bodyControl)
            {
                bodyControl.AllowSynchronousIO = true;
            }
            image = await images.ImportAsync(request.Context.Request.Body, options, request.Aborted);
        }
        else
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
            await using var source = await OpenUrlAsync(http, fromSrc, request.Aborted);
            image = await images.ImportAsync(source, options, request.Aborted);
        }
        // Errors above went out as real status codes; only success streams.
        var response = request.Context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers.ContentType = StreamContentTypes.Json;
        await JsonMessageStream.WriteAsync(response.Body, new JsonMessage { Status = image.Id.ToString() }, request.Aborted);
    }

    /// <summary>Docker imports from URLs; Wharf only fetches from loopback (tests, local servers) to keep the daemon off the network.</summary>
    private static async Task<Stream> OpenUrlAsync(HttpClient http, string source, CancellationToken ct)
    {
        if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidArgumentException($"invalid import source {source}: expected \"-\" (the request body) or an http(s) URL");
        }
        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));
        if (!loopback)
        {
            throw new NotImplementedWharfException($"importing from {uri.Host} is not supported: only loopback URLs or the request body (fromSrc=-) can be imported");
        }
        var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidArgumentException($"Get \"{source}\": unexpected status {(int)response.StatusCode}");
        }
        return await response.Content.ReadAsStreamAsync(ct);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
