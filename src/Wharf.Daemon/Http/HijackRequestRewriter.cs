using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;

namespace Wharf.Daemon.Http;

/// <summary>
/// Follows HTTP/1.1 request framing on a connection's byte stream (heads, Content-Length and chunked bodies, across
/// keep-alive requests) and rewrites Docker hijack requests — <c>POST /containers/{id}/attach</c> and
/// <c>POST /exec/{id}/start</c> with <c>Upgrade</c> — that carry a body: Kestrel refuses to upgrade those, so the body is
/// moved into the <see cref="BodyHeader"/> header (base64) and the head loses its body framing. After a hijack
/// request everything is passed through untouched (it is the client's stdin).
/// </summary>
internal sealed class HijackRequestRewriter
{
    /// <summary>Header that carries the original body of a rewritten hijack request (base64). Clients cannot inject it: the rewriter strips it from every hijack request.</summary>
    public const string BodyHeader = "X-Wharf-Hijack-Body";

    private const int MaxHeadSize = 64 * 1024;
    private const int MaxHijackBody = 1024 * 1024;

    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] Crlf = "\r\n"u8.ToArray();

    private State _state = State.Head;
    private readonly List<byte> _pending = [];
    private long _remaining;
    private bool _collectChunked;
    private MemoryStream? _hijackBody;
    private string? _hijackHead;

    private enum State
    {
        Head,
        Body,
        ChunkSize,
        ChunkData,
        Trailers,
        Raw,
    }

    /// <summary>Consumes <paramref name="data"/>, writing what Kestrel should see to <paramref name="sink"/>.</summary>
    public void Process(ReadOnlySequence<byte> data, PipeWriter sink)
    {
        if (_state == State.Raw && _pending.Count == 0)
        {
            foreach (var segment in data)
            {
                Write(sink, segment.Span);
            }
            return;
        }
        // Fast path for large bodies (image imports): forward them without copying through the pending buffer.
        if (_state == State.Body && _hijackBody is null && _pending.Count == 0)
        {
            var n = Math.Min(_remaining, data.Length);
            foreach (var segment in data.Slice(0, n))
            {
                Write(sink, segment.Span);
            }
            _remaining -= n;
            data = data.Slice(n);
            if (_remaining == 0)
            {
                EndOfBody(sink);
            }
        }
        foreach (var segment in data)
        {
            _pending.AddRange(segment.Span);
        }
        Drain(sink);
    }

    /// <summary>At end of input, passes on whatever is still held back (an incomplete head) so Kestrel can answer or close.</summary>
    public void Finish(PipeWriter sink)
    {
        if (_pending.Count > 0)
        {
            Write(sink, _pending.ToArray());
            _pending.Clear();
        }
    }

    private void Drain(PipeWriter sink)
    {
        while (_pending.Count > 0)
        {
            var buffer = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_pending);
            int used;
            switch (_state)
            {
                case State.Raw:
                    Write(sink, buffer);
                    used = buffer.Length;
                    break;
                case State.Head:
                    used = ProcessHead(buffer, sink);
                    break;
                case State.Body:
                    {
                        var n = (int)Math.Min(_remaining, buffer.Length);
                        Emit(sink, buffer[..n]);
                        _remaining -= n;
                        used = n;
                        if (_remaining == 0)
                        {
                            EndOfBody(sink);
                        }
                        break;
                    }
                case State.ChunkSize:
                    {
                        var eol = buffer.IndexOf(Crlf);
                        if (eol < 0)
                        {
                            used = buffer.Length > 4096 ? GoRaw(sink, buffer) : 0;
                            break;
                        }
                        var line = Encoding.ASCII.GetString(buffer[..eol]);
                        var semicolon = line.IndexOf(';');
                        var hex = (semicolon < 0 ? line : line[..semicolon]).Trim();
                        if (!long.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
                        {
                            used = GoRaw(sink, buffer);
                            break;
                        }
                        if (!_collectChunked)
                        {
                            Write(sink, buffer[..(eol + 2)]);
                        }
                        used = eol + 2;
                        if (size == 0)
                        {
                            _state = State.Trailers;
                        }
                        else
                        {
                            _remaining = size + 2;
                            _state = State.ChunkData;
                        }
                        break;
                    }
                case State.ChunkData:
                    {
                        var n = (int)Math.Min(_remaining, buffer.Length);
                        // The last two bytes of a chunk are its CRLF, which is not body data.
                        var dataBytes = (int)Math.Max(0, Math.Min(n, _remaining - 2));
                        if (_collectChunked)
                        {
                            _hijackBody!.Write(buffer[..dataBytes]);
                        }
                        else
                        {
                            Write(sink, buffer[..n]);
                        }
                        _remaining -= n;
                        used = n;
                        if (_remaining == 0)
                        {
                            _state = State.ChunkSize;
                        }
                        break;
                    }
                case State.Trailers:
                    {
                        var eol = buffer.IndexOf(Crlf);
                        if (eol < 0)
                        {
                            used = buffer.Length > 8192 ? GoRaw(sink, buffer) : 0;
                            break;
                        }
                        if (!_collectChunked)
                        {
                            Write(sink, buffer[..(eol + 2)]);
                        }
                        used = eol + 2;
                        if (eol == 0)
                        {
                            EndOfBody(sink);
                        }
                        break;
                    }
                default:
                    used = buffer.Length;
                    break;
            }
            if (used == 0)
            {
                return;
            }
            _pending.RemoveRange(0, used);
            if (_hijackBody is { Length: > MaxHijackBody })
            {
                // Far too big for Docker's small JSON body: give up rewriting and let Kestrel judge the request as sent.
                Write(sink, Encoding.Latin1.GetBytes(_hijackHead!));
                Write(sink, _hijackBody.ToArray());
                _hijackBody = null;
                _state = State.Raw;
            }
        }
    }

    private int ProcessHead(ReadOnlySpan<byte> buffer, PipeWriter sink)
    {
        // Tolerate stray CRLFs between requests, as HTTP/1.1 servers must.
        var skip = 0;
        while (skip + 1 < buffer.Length && buffer[skip] == '\r' && buffer[skip + 1] == '\n')
        {
            skip += 2;
        }
        var end = buffer[skip..].IndexOf(HeadEnd);
        if (end < 0)
        {
            return buffer.Length > MaxHeadSize ? GoRaw(sink, buffer) : 0;
        }
        var headLength = skip + end + HeadEnd.Length;
        var head = Encoding.Latin1.GetString(buffer[skip..(skip + end)]);
        var parsed = RequestHead.TryParse(head);
        if (parsed is null)
        {
            return GoRaw(sink, buffer);
        }
        if (parsed.IsHijack)
        {
            if (parsed.Chunked || parsed.ContentLength > 0)
            {
                _hijackHead = head + "\r\n\r\n";
                _hijackBody = new MemoryStream();
                if (parsed.Chunked)
                {
                    _collectChunked = true;
                    _state = State.ChunkSize;
                }
                else
                {
                    _remaining = parsed.ContentLength;
                    _state = State.Body;
                }
                return headLength;
            }
            Write(sink, Encoding.Latin1.GetBytes(parsed.Rebuild(null)));
            _state = State.Raw;
            return headLength;
        }
        Write(sink, buffer[..headLength]);
        if (parsed.Chunked)
        {
            _state = State.ChunkSize;
        }
        else if (parsed.ContentLength > 0)
        {
            _remaining = parsed.ContentLength;
            _state = State.Body;
        }
        return headLength;
    }

    private void Emit(PipeWriter sink, ReadOnlySpan<byte> bytes)
    {
        if (_hijackBody is not null)
        {
            _hijackBody.Write(bytes);
        }
        else
        {
            Write(sink, bytes);
        }
    }

    private void EndOfBody(PipeWriter sink)
    {
        if (_hijackBody is not null)
        {
            var head = RequestHead.TryParse(_hijackHead![..^4])!;
            Write(sink, Encoding.Latin1.GetBytes(head.Rebuild(_hijackBody.ToArray())));
            _hijackBody = null;
            _hijackHead = null;
            _collectChunked = false;
            _state = State.Raw;
            return;
        }
        _state = State.Head;
    }

    private int GoRaw(PipeWriter sink, ReadOnlySpan<byte> buffer)
    {
        _state = State.Raw;
        Write(sink, buffer);
        return buffer.Length;
    }

    private static void Write(PipeWriter sink, ReadOnlySpan<byte> bytes)
    {
        if (!bytes.IsEmpty)
        {
            sink.Write(bytes);
        }
    }
}
