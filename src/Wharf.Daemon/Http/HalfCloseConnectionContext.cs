using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace Wharf.Daemon.Http;

/// <summary>
/// Sits between Kestrel and the socket of every API connection so Docker's hijacked streams work:
/// <list type="bullet">
/// <item>a client FIN only completes the input Kestrel sees (stdin reads EOF); <see cref="ConnectionClosed"/> fires only when
/// reading fails (reset), so output keeps flowing after a half-close until the handler ends the stream;</item>
/// <item>request heads pass through <see cref="HijackRequestRewriter"/>, which makes Kestrel upgrade hijack requests that carry a body.</item>
/// </list>
/// </summary>
internal sealed class HalfCloseConnectionContext : ConnectionContext
{
    private readonly ConnectionContext _inner;
    private readonly Pipe _input = new(new PipeOptions(pauseWriterThreshold: 1024 * 1024, resumeWriterThreshold: 512 * 1024, useSynchronizationContext: false));
    private readonly CancellationTokenSource _closed = new();
    private readonly Task _pump;
    private readonly ConsumptionTrackingReader _reader;

    public HalfCloseConnectionContext(ConnectionContext inner)
    {
        _inner = inner;
        _reader = new ConsumptionTrackingReader(_input.Reader);
        Transport = new DuplexPipe(_reader, inner.Transport.Output);
        _pump = PumpAsync();
    }

    public override string ConnectionId { get => _inner.ConnectionId; set => _inner.ConnectionId = value; }

    public override IFeatureCollection Features => _inner.Features;

    public override IDictionary<object, object?> Items { get => _inner.Items; set => _inner.Items = value; }

    public override IDuplexPipe Transport { get; set; }

    public override CancellationToken ConnectionClosed { get => _closed.Token; set { } }

    public override EndPoint? LocalEndPoint { get => _inner.LocalEndPoint; set => _inner.LocalEndPoint = value; }

    public override EndPoint? RemoteEndPoint { get => _inner.RemoteEndPoint; set => _inner.RemoteEndPoint = value; }

    public override void Abort(ConnectionAbortedException abortReason)
    {
        _inner.Abort(abortReason);
        Cancel();
    }

    public override void Abort() => Abort(new ConnectionAbortedException("The connection was aborted by the application."));

    public override async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _pump.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The pump reports its own failure through ConnectionClosed.
        }
        _closed.Dispose();
    }

    /// <summary>Ends the pump once Kestrel is done with the connection.</summary>
    public void StopPump()
    {
        try
        {
            _inner.Transport.Input.CancelPendingRead();
        }
        catch (InvalidOperationException)
        {
            // Already completed.
        }
    }

    private void Cancel()
    {
        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task PumpAsync()
    {
        await Task.Yield();
        var source = _inner.Transport.Input;
        var sink = _input.Writer;
        var rewriter = new HijackRequestRewriter();
        Exception? error = null;
        long forwarded = 0;
        try
        {
            while (true)
            {
                var result = await source.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                var stop = false;
                if (!buffer.IsEmpty)
                {
                    rewriter.Process(buffer, sink);
                    forwarded += sink.UnflushedBytes;
                    var flush = await sink.FlushAsync().ConfigureAwait(false);
                    stop = flush.IsCompleted;
                }
                source.AdvanceTo(buffer.End);
                if (stop)
                {
                    break;
                }
                if (result.IsCompleted || result.IsCanceled)
                {
                    // A graceful FIN (or the transport shutting down): end of input for Kestrel, but not a closed connection.
                    rewriter.Finish(sink);
                    forwarded += sink.UnflushedBytes;
                    await sink.FlushAsync().ConfigureAwait(false);
                    // Kestrel must have taken every byte sent before the FIN, or it drops requests whose body it has not read yet.
                    await _reader.WaitConsumedAsync(forwarded).ConfigureAwait(false);
                    break;
                }
            }
        }
        catch (Exception e)
        {
            error = e;
        }
        await sink.CompleteAsync(error).ConfigureAwait(false);
        await source.CompleteAsync().ConfigureAwait(false);
        if (error is not null)
        {
            Cancel();
        }
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
