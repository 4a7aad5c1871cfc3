namespace Wharf.Engine.Runtime.Conmon;

/// <summary>One raw k8s-file record: a chunk of one stream, <see cref="Partial"/> when the line continues in the next record.</summary>
internal readonly record struct LogRecord(DateTimeOffset Timestamp, StdStream Stream, bool Partial, ReadOnlyMemory<byte> Payload)
{
    /// <summary>Parses <c>&lt;ts&gt; &lt;stdout|stderr&gt; &lt;P|F&gt; &lt;payload&gt;</c> (without the terminating newline).</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out LogRecord record)
    {
        record = default;
        var s1 = line.IndexOf((byte)' ');
        if (s1 <= 0 || !TryParseTimestamp(line[..s1], out var ts))
            return false;
        var rest = line[(s1 + 1)..];
        var s2 = rest.IndexOf((byte)' ');
        if (s2 <= 0)
            return false;
        StdStream stream;
        if (rest[..s2].SequenceEqual("stdout"u8))
            stream = StdStream.Stdout;
        else if (rest[..s2].SequenceEqual("stderr"u8))
            stream = StdStream.Stderr;
        else
            return false;
        rest = rest[(s2 + 1)..];
        if (rest.Length == 0 || (rest[0] != (byte)'P' && rest[0] != (byte)'F'))
            return false;
        var partial = rest[0] == (byte)'P';
        // "F" alone (no space) is tolerated as an empty line.
        var payload = rest.Length >= 2 ? rest[2..] : [];
        record = new LogRecord(ts, stream, partial, payload.ToArray());
        return true;
    }

    /// <summary>RFC 3339 with up to 9 fractional digits and a numeric offset or Z; the result is UTC.</summary>
    public static bool TryParseTimestamp(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        // yyyy-MM-ddTHH:mm:ss
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':')
            return false;
        if (!Num(text, 0, 4, out var year) || !Num(text, 5, 2, out var month) || !Num(text, 8, 2, out var day)
            || !Num(text, 11, 2, out var hour) || !Num(text, 14, 2, out var minute) || !Num(text, 17, 2, out var second))
            return false;
        var i = 19;
        long ticks = 0;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            var digits = 0;
            while (i < text.Length && text[i] >= '0' && text[i] <= '9')
            {
                if (digits < 7)
                    ticks = ticks * 10 + (text[i] - '0');
                digits++;
                i++;
            }
            if (digits == 0)
                return false;
            for (var d = digits; d < 7; d++)
                ticks *= 10;
        }
        TimeSpan offset;
        if (i < text.Length && (text[i] == 'Z' || text[i] == 'z'))
        {
            offset = TimeSpan.Zero;
            i++;
        }
        else if (i + 6 <= text.Length && (text[i] == '+' || text[i] == '-') && text[i + 3] == ':'
                 && Num(text, i + 1, 2, out var oh) && Num(text, i + 4, 2, out var om))
        {
            offset = new TimeSpan(oh, om, 0);
            if (text[i] == '-')
                offset = -offset;
            i += 6;
        }
        else
        {
            return false;
        }
        if (i != text.Length)
            return false;
        try
        {
            var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
            value = new DateTimeOffset(local, offset).ToUniversalTime();
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static bool Num(ReadOnlySpan<byte> text, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            var c = text[i];
            if (c < '0' || c > '9')
                return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
