using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Wharf.Cli.Tests.Client;

internal sealed class BufferedReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[65536];
    private int _start;
    private int _end;

    public async Task<string?> ReadLineAsync()
    {
        var line = new List<byte>();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await stream.ReadAsync(_buffer);
                if (_end == 0)
                {
                    return line.Count == 0 ? null : Encoding.ASCII.GetString([.. line]);
                }
            }
            var b = _buffer[_start++];
            if (b == '\n')
            {
                return Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
            }
            line.Add(b);
        }
    }

    public async Task<byte[]> ReadExactlyAsync(int count)
    {
        var result = new byte[count];
        var got = 0;
        while (got < count)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await stream.ReadAsync(_buffer);
                if (_end == 0)
                {
                    throw new IOException("eof");
                }
            }
            var n = Math.Min(count - got, _end - _start);
            Array.Copy(_buffer, _start, result, got, n);
            _start += n;
            got += n;
        }
        return result;
    }

    /// <summary>Reads until EOF (the client's half-close).</summary>
    public async Task<byte[]> ReadToEndAsync()
    {
        var all = new MemoryStream();
        all.Write(_buffer, _start, _end - _start);
        _start = _end = 0;
        await stream.CopyToAsync(all);
        return all.ToArray();
    }
}
