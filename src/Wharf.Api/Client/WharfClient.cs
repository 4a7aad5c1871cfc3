using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wharf.Api.Client;

/// <summary>
/// A typed client of the Engine API (ours or Docker's) over a unix socket or TCP. The API version is negotiated
/// once with <c>HEAD /_ping</c> and every request then goes to <c>/v1.NN/…</c>.
/// </summary>
public sealed partial class WharfClient : IDisposable
{
    /// <summary>The Host header value the Go client uses for socket connections.</summary>
    public const string HostHeader = "api.moby.localhost";

    private readonly HttpClient _http;
    private readonly SemaphoreSlim _negotiation = new(1, 1);
    private string? _version;

    /// <summary>Creates a client for <paramref name="endpoint"/>; <paramref name="apiVersion"/> pins the version (no negotiation).</summary>
    public WharfClient(DockerEndpoint endpoint, string? apiVersion = null)
    {
        Endpoint = endpoint;
        _version = string.IsNullOrEmpty(apiVersion) ? null : apiVersion;
        _http = new HttpClient(new Http.EngineHttpHandler(ConnectAsync))
        {
            BaseAddress = new Uri("http://" + HostHeader),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Wharf-Client", "1.0"));
    }

    /// <summary>Where the daemon is.</summary>
    public DockerEndpoint Endpoint { get; }

    /// <summary>The negotiated API version, or null before the first request.</summary>
    public string? ApiVersion => _version;

    /// <summary>Opens a raw connection to the daemon (used by hijacked requests too).</summary>
    public async ValueTask<Stream> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = Endpoint.IsUnix
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (Endpoint.IsUnix)
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(Endpoint.SocketPath!), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                socket.NoDelay = true;
                await socket.ConnectAsync(Endpoint.Host!, Endpoint.Port, cancellationToken).ConfigureAwait(false);
            }
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new DaemonUnreachableException(Endpoint, e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// <c>HEAD /_ping</c> (falling back to GET as the CLI does); returns the daemon's <c>Api-Version</c> header, or null.
    /// Throws <see cref="DaemonUnreachableException"/> when nothing answers.
    /// </summary>
    public async Task<string?> PingAsync(CancellationToken cancellationToken = default)
    {
        using var head = await SendRawAsync(new HttpRequestMessage(HttpMethod.Head, "/_ping"), HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (head.StatusCode is HttpStatusCode.OK or HttpStatusCode.InternalServerError)
        {
            return HeaderValue(head, "Api-Version");
        }
        using var get = await SendRawAsync(new HttpRequestMessage(HttpMethod.Get, "/_ping"), HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(get, cancellationToken).ConfigureAwait(false);
        return HeaderValue(get, "Api-Version");
    }

    /// <summary>Negotiates the API version if that has not happened yet and returns the <c>/v1.NN</c> prefix.</summary>
    public async Task<string> GetPathPrefixAsync(CancellationToken cancellationToken = default)
    {
        if (_version is null)
        {
            await _negotiation.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                _version ??= ClientApiVersion.Negotiate(await PingAsync(cancellationToken).ConfigureAwait(false));
            }
            finally
            {
                _negotiation.Release();
            }
        }
        return "/v" + _version;
    }

    /// <summary>Sends a request under the version prefix and throws <see cref="DaemonErrorException"/> for error statuses.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, HttpContent? content = null,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead, CancellationToken cancellationToken = default,
        IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        var prefix = await GetPathPrefixAsync(cancellationToken).ConfigureAwait(false);
        var request = new HttpRequestMessage(method, prefix + pathAndQuery) { Content = content };
        if (headers is not null)
        {
            foreach (var (key, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(key, value);
            }
        }
        var response = await SendRawAsync(request, completion, cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
        return response;
    }

    /// <summary>Sends a request and parses the JSON response body.</summary>
    public async Task<JsonNode?> SendForJsonAsync(HttpMethod method, string pathAndQuery, JsonNode? body = null, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(method, pathAndQuery, body is null ? null : JsonBody(body), HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return bytes.Length == 0 ? null : JsonNode.Parse(bytes);
    }

    /// <summary>Sends a request whose response has no interesting body.</summary>
    public async Task<HttpStatusCode> SendNoContentAsync(HttpMethod method, string pathAndQuery, JsonNode? body = null, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(method, pathAndQuery, body is null ? null : JsonBody(body), HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return response.StatusCode;
    }

    /// <summary>A JSON request body with <c>Content-Type: application/json</c>.</summary>
    public static HttpContent JsonBody(JsonNode body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (FindUnreachable(e) is { } unreachable)
        {
            throw unreachable;
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException or IOException || e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            throw new DaemonUnreachableException(Endpoint, e);
        }
    }

    private static DaemonUnreachableException? FindUnreachable(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is DaemonUnreachableException u)
            {
                return u;
            }
        }
        return null;
    }

    /// <summary>Turns an error status into <see cref="DaemonErrorException"/> with the daemon's message.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var code = (int)response.StatusCode;
        if (code is >= 200 and < 400)
        {
            return;
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new DaemonErrorException(response.StatusCode, ErrorMessage(response, body));
    }

    /// <summary>The message of an error response body: <c>{"message"}</c>, else the raw text, else docker's generic text.</summary>
    public static string ErrorMessage(HttpResponseMessage response, string body)
    {
        var trimmed = body.Trim();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                if (JsonNode.Parse(trimmed) is JsonObject obj && obj["message"] is JsonValue message && message.TryGetValue<string>(out var text))
                {
                    return text;
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: report the text as is.
            }
        }
        if (trimmed.Length > 0)
        {
            return trimmed;
        }
        return $"request returned {ReasonText(response.StatusCode)} for API route and version {response.RequestMessage?.RequestUri}, check if the server supports the requested API version";
    }

    private static string ReasonText(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.BadRequest => "Bad Request",
        HttpStatusCode.InternalServerError => "Internal Server Error",
        HttpStatusCode.Conflict => "Conflict",
        _ => ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>Escapes a name or reference for use as one path segment while keeping <c>/</c> and <c>:</c> as the Go client does.</summary>
    public static string PathPart(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '%' or '?' or '#' or ' ' or '\\' || c < 0x20 || c > 0x7e)
            {
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                {
                    sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>Releases the HTTP connections.</summary>
    public void Dispose()
    {
        _http.Dispose();
        _negotiation.Dispose();
    }
}
