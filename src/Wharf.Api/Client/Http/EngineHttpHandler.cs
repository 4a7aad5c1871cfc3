using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Wharf.Api.Client.Http;

/// <summary>
/// HTTP/1.1 to the daemon, one connection per request, written and parsed here. The CLI starts a process per command
/// and makes a handful of requests: SocketsHttpHandler's pool, settings and parsers cost more start-up time (~3.5 ms
/// of a 13 ms <c>wharf version</c>, bench/README.md) than they could ever save.
/// </summary>
internal sealed class EngineHttpHandler(Func<CancellationToken, ValueTask<Stream>> connect) : HttpMessageHandler
{
    private const int ChunkSize = 64 * 1024;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var connection = await connect(cancellationToken).ConfigureAwait(false);
        try
        {
            var head = await ExchangeAsync(connection, request, cancellationToken).ConfigureAwait(false);
            return ToResponse(request, head, connection);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new HttpRequestException(HttpRequestError.ConnectionError, e.Message, e);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<ResponseHead> ExchangeAsync(Stream connection, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = request.Content;
        var length = content?.Headers.ContentLength;
        var head = new StringBuilder();
        head.Append(request.Method.Method).Append(' ').Append(request.RequestUri!.PathAndQuery).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(request.RequestUri.IsAbsoluteUri ? request.RequestUri.Host : WharfClient.HostHeader).Append("\r\n");
        AppendHeaders(head, request.Headers.ToString());
        if (content is not null)
        {
            var contentHeaders = content.Headers.ToString();
            AppendHeaders(head, contentHeaders);
            if (length is null)
            {
                head.Append("Transfer-Encoding: chunked\r\n");
            }
            else if (!contentHeaders.Contains("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                head.Append("Content-Length: ").Append(length.Value.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            }
        }
        else if (request.Method == HttpMethod.Post || request.Method == HttpMethod.Put)
        {
            head.Append("Content-Length: 0\r\n");
        }
        head.Append("\r\n");
        await connection.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken).ConfigureAwait(false);
        if (content is not null)
        {
            if (length is null)
            {
                await WriteChunkedAsync(connection, await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await content.CopyToAsync(connection, cancellationToken).ConfigureAwait(false);
            }
        }
        await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
        return await ResponseHead.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>HttpHeaders.ToString ends lines with Environment.NewLine; HTTP (and Kestrel) wants CRLF.</summary>
    private static void AppendHeaders(StringBuilder head, string lines)
    {
        foreach (var line in lines.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length > 0)
            {
                head.Append(trimmed).Append("\r\n");
            }
        }
    }

    private static async Task WriteChunkedAsync(Stream connection, Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[ChunkSize + 16];
        while (true)
        {
            // Room for the size line in front of the data, so each chunk is one write.
            var read = await body.ReadAsync(buffer.AsMemory(10, ChunkSize), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                await connection.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
                return;
            }
            var size = Encoding.ASCII.GetBytes(read.ToString("x", CultureInfo.InvariantCulture) + "\r\n");
            var start = 10 - size.Length;
            size.CopyTo(buffer, start);
            buffer[10 + read] = (byte)'\r';
            buffer[11 + read] = (byte)'\n';
            await connection.WriteAsync(buffer.AsMemory(start, size.Length + read + 2), cancellationToken).ConfigureAwait(false);
        }
    }

    private static HttpResponseMessage ToResponse(HttpRequestMessage request, ResponseHead head, Stream connection)
    {
        var chunked = head.Get("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true;
        long? length = long.TryParse(head.Get("Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var noBody = request.Method == HttpMethod.Head || head.Status is 204 or 304 || head.Status < 200 || (!chunked && length == 0);
        Stream body = noBody ? Stream.Null : new ResponseBodyStream(connection, head.Leftover, length, chunked);
        if (noBody)
        {
            connection.Dispose();
        }
        var response = new HttpResponseMessage((HttpStatusCode)head.Status)
        {
            ReasonPhrase = head.Reason,
            RequestMessage = request,
            Version = HttpVersion.Version11,
            Content = new StreamContent(body),
        };
        foreach (var (name, value) in head.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return response;
    }
}
