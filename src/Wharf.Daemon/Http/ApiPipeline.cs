using System.Text.RegularExpressions;
using Wharf.Api;

namespace Wharf.Daemon.Http;

/// <summary>
/// The request pipeline of the Engine API: Docker's headers on every response, the <c>/v1.NN</c> prefix and version
/// checks, route dispatch, <c>404 page not found</c>, and the single place where exceptions become error responses.
/// </summary>
public sealed partial class ApiPipeline(RouteTable routes, ILogger<ApiPipeline> logger)
{
    /// <summary>Value of the <c>Server</c> header.</summary>
    public static string ServerHeader => $"Docker/{WharfVersion.Version} (linux)";

    /// <summary>Told about every request, so memory is given back once the API goes quiet (null: no trimming).</summary>
    public Hosting.IdleMemoryTrimmer? Trimmer { get; init; }

    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        Trimmer?.OnRequest();
        var response = context.Response;
        response.Headers["Api-Version"] = ApiVersions.Current;
        response.Headers["Docker-Experimental"] = "false";
        response.Headers["Ostype"] = "linux";
        response.Headers.Server = ServerHeader;

        var path = context.Request.Path.Value ?? "/";
        var version = ApiVersions.Current;
        var match = VersionPrefix().Match(path);
        if (match.Success)
        {
            version = match.Groups[1].Value;
            path = match.Groups[2].Value.Length == 0 ? "/" : match.Groups[2].Value;
            if (ApiVersions.LessThan(version, ApiVersions.Minimum))
            {
                await ApiResponses.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                    $"client version {version} is too old. Minimum supported API version is {ApiVersions.Minimum}, please upgrade your client to a newer version");
                return;
            }
            if (ApiVersions.Compare(version, ApiVersions.Maximum) > 0)
            {
                await ApiResponses.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                    $"client version {version} is too new. Maximum supported API version is {ApiVersions.Maximum}");
                return;
            }
        }

        if (!routes.TryMatch(context.Request.Method, path, out var handler, out var values))
        {
            await ApiResponses.WriteErrorAsync(context, StatusCodes.Status404NotFound, "page not found");
            return;
        }

        try
        {
            await handler(new ApiRequest(context, values, version));
        }
        catch (Exception e) when (context.RequestAborted.IsCancellationRequested && e is OperationCanceledException or IOException)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e)
        {
            var status = ErrorStatus.For(e);
            if (status >= 500)
            {
                logger.LogError(e, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            }
            else
            {
                logger.LogDebug("{Method} {Path}: {Status} {Message}", context.Request.Method, context.Request.Path, status, e.Message);
            }
            if (response.HasStarted)
            {
                // Headers are out (a stream began): all we can do is end the connection.
                context.Abort();
                return;
            }
            await ApiResponses.WriteErrorAsync(context, status, e.Message);
        }
    }

    [GeneratedRegex("^/v([0-9]+(?:\\.[0-9]+)?)(/.*)?$")]
    private static partial Regex VersionPrefix();
}
