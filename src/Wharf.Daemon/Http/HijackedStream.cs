using Microsoft.AspNetCore.Http.Features;
using Wharf.Api;
using Wharf.Api.Streams;

namespace Wharf.Daemon.Http;

/// <summary>
/// The client side of an attach or exec stream after Docker's hijack: a 101 upgrade (<c>Upgrade: tcp</c>) when the client
/// asked for one, else a plain 200 streamed response (dockerode's <c>run()</c>). Output is framed (non-TTY) or raw (TTY);
/// every write is flushed. Reading <see cref="Stdin"/> gives the client's raw stdin until it half-closes.
/// </summary>
public sealed class HijackedStream : IAsyncDisposable
{
    private readonly Stream _output;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private HijackedStream(Stream stdin, Stream output, bool multiplexed, bool upgraded)
    {
        Stdin = stdin;
        _output = output;
        Multiplexed = multiplexed;
        Upgraded = upgraded;
    }

    /// <summary>The client's stdin (empty when not upgraded).</summary>
    public Stream Stdin { get; }

    /// <summary>Whether output is in multiplexed frames.</summary>
    public bool Multiplexed { get; }

    /// <summary>Whether the connection was upgraded (101).</summary>
    public bool Upgraded { get; }

    /// <summary>
    /// Reads the JSON body of a hijack request: the rewriter moved it into a header when the request asked for an upgrade,
    /// otherwise it is the normal body. Empty when there is none.
    /// </summary>
    public static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        if (upgrade is { IsUpgradableRequest: true })
        {
            var header = context.Request.Headers[HijackRequestRewriter.BodyHeader].ToString();
            return header.Length == 0 ? [] : Convert.FromBase64String(header);
        }
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    /// <summary>Answers the request and returns the stream. Look everything up first: after this, errors can only go into the stream.</summary>
    public static async Task<HijackedStream> BeginAsync(ApiRequest request, bool tty)
    {
        var context = request.Context;
        var multiplexed = !tty;
        context.Response.Headers.ContentType = multiplexed && request.AtLeast("1.42") ? StreamContentTypes.Multiplexed : StreamContentTypes.Raw;
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        if (upgrade is { IsUpgradableRequest: true })
        {
            context.Response.Headers.Connection = "Upgrade";
            context.Response.Headers.Upgrade = "tcp";
            // Kestrel flushes the 101 head by itself before handing out the stream, so it never shares a packet with output.
            var stream = await upgrade.UpgradeAsync();
            return new HijackedStream(stream, stream, multiplexed, upgraded: true);
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        await context.Response.StartAsync(context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        return new HijackedStream(Stream.Null, context.Response.Body, multiplexed, upgraded: false);
    }

    /// <summary>Writes output of <paramref name="stream"/> (framed unless TTY) and flushes.</summary>
    public async Task WriteAsync(StdioStreamType stream, ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        if (data.IsEmpty)
        {
            return;
        }
        await _writeLock.WaitAsync(ct);
        try
        {
            if (Multiplexed)
            {
                await MultiplexedStream.WriteAsync(_output, stream, data, ct);
            }
            else
            {
                await _output.WriteAsync(data, ct);
            }
            await _output.FlushAsync(ct);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Writes a daemon-side error into the stream (a system-error frame, or text for a TTY).</summary>
    public Task WriteErrorAsync(string message, CancellationToken ct = default) =>
        WriteAsync(Multiplexed ? StdioStreamType.SystemError : StdioStreamType.Stdout, System.Text.Encoding.UTF8.GetBytes(message + "\n"), ct);

    /// <summary>Flushes and closes the client's stream.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _output.FlushAsync();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
        if (Upgraded)
        {
            await _output.DisposeAsync();
        }
        _writeLock.Dispose();
    }
}
