using System.Buffers;
using System.IO.Pipelines;

namespace Wharf.Daemon.Http;

/// <summary>
/// The input Kestrel reads, counting the bytes it has consumed, so the connection shim can hold a client's FIN back
/// until Kestrel has taken everything sent before it (Kestrel drops a request whose body is still unread when the input ends).
/// </summary>
internal sealed class ConsumptionTrackingReader(PipeReader inner) : PipeReader
{
    private readonly SemaphoreSlim _advanced = new(0, int.MaxValue);
    private ReadOnlySequence<byte> _last;
    private long _consumed;
    private volatile bool _completed;

    /// <summary>Bytes Kestrel has consumed so far.</summary>
    public long Consumed => Interlocked.Read(ref _consumed);

    /// <summary>Completes once <paramref name="total"/> bytes were consumed or Kestrel stopped reading.</summary>
    public async Task WaitConsumedAsync(long total)
    {
        while (!_completed && Consumed < total)
        {
            await _advanced.WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }
    }

    public override bool TryRead(out ReadResult result)
    {
        if (inner.TryRead(out result))
        {
            _last = result.Buffer;
            return true;
        }
        return false;
    }

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var result = await inner.ReadAsync(cancellationToken).ConfigureAwait(false);
        _last = result.Buffer;
        return result;
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        var n = _last.Slice(_last.Start, consumed).Length;
        inner.AdvanceTo(consumed, examined);
        Interlocked.Add(ref _consumed, n);
        _advanced.Release();
    }

    public override void CancelPendingRead() => inner.CancelPendingRead();

    public override void Complete(Exception? exception = null)
    {
        _completed = true;
        inner.Complete(exception);
        _advanced.Release();
    }
}
