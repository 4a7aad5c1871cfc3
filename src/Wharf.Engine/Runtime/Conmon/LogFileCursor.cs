namespace Wharf.Engine.Runtime.Conmon;

/// <summary>Reads a k8s-file log incrementally: keeps the open handle, the unfinished last record, and the per-stream partial lines.</summary>
internal sealed class LogFileCursor : IDisposable
{
    private readonly string _path;
    private readonly byte[] _readBuffer = new byte[64 * 1024];
    private FileStream? _file;
    private byte[] _carry = [];
    private readonly (DateTimeOffset Timestamp, MemoryStream Bytes)?[] _partials = new (DateTimeOffset, MemoryStream)?[3];

    public LogFileCursor(string path) => _path = path;

    /// <summary>Whether a file is open.</summary>
    public bool IsOpen => _file != null;

    /// <summary>Opens the log (again) from its start; false if it does not exist. Unfinished records of the previous file are dropped.</summary>
    public bool Open()
    {
        _file?.Dispose();
        _file = null;
        _carry = [];
        try
        {
            _file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Whether the path now names another file than the open one (rotated or reopened by conmon), or appeared since.</summary>
    public unsafe bool IsReplaced()
    {
        byte* pathStat = stackalloc byte[Native.LibC.StatBufferSize];
        if (Native.LibC.stat(_path, pathStat) != 0)
            return false;
        if (_file == null)
            return true;
        byte* fileStat = stackalloc byte[Native.LibC.StatBufferSize];
        var fd = (int)_file.SafeFileHandle.DangerousGetHandle();
        if (Native.LibC.fstat(fd, fileStat) != 0)
            return true;
        return ((long*)pathStat)[0] != ((long*)fileStat)[0] || ((long*)pathStat)[1] != ((long*)fileStat)[1];
    }

    /// <summary>Reads to the current end of the file, appending every line completed so far.</summary>
    public void ReadAvailable(List<LogEntry> output)
    {
        if (_file == null)
            return;
        // A truncated file (conmon --log-size-max) restarts from its beginning.
        if (_file.Length < _file.Position)
        {
            _file.Position = 0;
            _carry = [];
        }
        int n;
        while ((n = _file.Read(_readBuffer, 0, _readBuffer.Length)) > 0)
        {
            var data = _carry.Length == 0 ? _readBuffer.AsSpan(0, n) : Concat(_carry, _readBuffer.AsSpan(0, n));
            var consumed = 0;
            while (true)
            {
                var nl = data[consumed..].IndexOf((byte)'\n');
                if (nl < 0)
                    break;
                Add(data.Slice(consumed, nl), output);
                consumed += nl + 1;
            }
            _carry = data[consumed..].ToArray();
        }
    }

    /// <summary>Emits lines still waiting for their end (the container ended mid-line).</summary>
    public void Flush(List<LogEntry> output)
    {
        for (var i = 0; i < _partials.Length; i++)
        {
            if (_partials[i] is { } p)
            {
                output.Add(new LogEntry((StdStream)i, p.Timestamp, p.Bytes.ToArray()));
                _partials[i] = null;
            }
        }
    }

    private void Add(ReadOnlySpan<byte> line, List<LogEntry> output)
    {
        if (!LogRecord.TryParse(line, out var record))
            return;
        var slot = (int)record.Stream;
        if (record.Partial)
        {
            var p = _partials[slot] ??= (record.Timestamp, new MemoryStream());
            p.Bytes.Write(record.Payload.Span);
            return;
        }
        byte[] bytes;
        DateTimeOffset ts;
        if (_partials[slot] is { } pending)
        {
            pending.Bytes.Write(record.Payload.Span);
            pending.Bytes.WriteByte((byte)'\n');
            bytes = pending.Bytes.ToArray();
            ts = pending.Timestamp;
            _partials[slot] = null;
        }
        else
        {
            bytes = new byte[record.Payload.Length + 1];
            record.Payload.Span.CopyTo(bytes);
            bytes[^1] = (byte)'\n';
            ts = record.Timestamp;
        }
        output.Add(new LogEntry(record.Stream, ts, bytes));
    }

    private static Span<byte> Concat(byte[] a, ReadOnlySpan<byte> b)
    {
        var result = new byte[a.Length + b.Length];
        a.CopyTo(result, 0);
        b.CopyTo(result.AsSpan(a.Length));
        return result;
    }

    public void Dispose() => _file?.Dispose();
}
