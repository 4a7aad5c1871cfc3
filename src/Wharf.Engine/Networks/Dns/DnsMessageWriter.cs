using System.Buffers.Binary;
using System.Net.Sockets;

namespace Wharf.Engine.Networks.Dns;

/// <summary>Encodes a DNS message, compressing owner names and the names inside CNAME/PTR/NS data (RFC 1035 §4.1.4).</summary>
internal sealed class DnsMessageWriter
{
    private const int MaxPointerOffset = 0x3FFF;
    private readonly List<byte> _buffer = new(512);
    private readonly Dictionary<string, int> _suffixes = new(StringComparer.Ordinal);

    /// <summary>The encoded message.</summary>
    public static byte[] Write(DnsMessage message)
    {
        var writer = new DnsMessageWriter();
        writer.WriteUInt16(message.Header.Id);
        writer.WriteUInt16(message.Header.Flags);
        writer.WriteUInt16(Count(message.Questions.Count));
        writer.WriteUInt16(Count(message.Answers.Count));
        writer.WriteUInt16(Count(message.Authorities.Count));
        writer.WriteUInt16(Count(message.Additionals.Count));
        foreach (var question in message.Questions)
        {
            writer.WriteName(question.Name);
            writer.WriteUInt16((ushort)question.Type);
            writer.WriteUInt16(question.Class);
        }
        foreach (var record in message.Answers.Concat(message.Authorities).Concat(message.Additionals))
        {
            writer.WriteRecord(record);
        }
        return [.. writer._buffer];
    }

    /// <summary>Splits a presentation-format name (with <c>\.</c> and <c>\DDD</c> escapes) into wire labels.</summary>
    public static List<byte[]> Labels(string name)
    {
        var labels = new List<byte[]>();
        if (name.Length == 0 || name == ".")
        {
            return labels;
        }
        var current = new List<byte>();
        var total = 1;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '.')
            {
                if (i == name.Length - 1)
                {
                    break;
                }
                AddLabel(labels, current, ref total);
                continue;
            }
            if (c == '\\' && i + 1 < name.Length)
            {
                if (i + 3 < name.Length && char.IsAsciiDigit(name[i + 1]) && char.IsAsciiDigit(name[i + 2]) && char.IsAsciiDigit(name[i + 3]))
                {
                    var value = ((name[i + 1] - '0') * 100) + ((name[i + 2] - '0') * 10) + (name[i + 3] - '0');
                    current.Add(value <= 255 ? (byte)value : throw new DnsFormatException($"invalid escape in name {name}"));
                    i += 3;
                }
                else
                {
                    current.Add((byte)name[++i]);
                }
                continue;
            }
            current.Add(c < 0x80 ? (byte)c : throw new DnsFormatException($"non-ASCII character in name {name}"));
        }
        AddLabel(labels, current, ref total);
        return labels;
    }

    private static void AddLabel(List<byte[]> labels, List<byte> current, ref int total)
    {
        if (current.Count is 0 or > 63)
        {
            throw new DnsFormatException(current.Count == 0 ? "empty label in name" : "label longer than 63 octets");
        }
        total += current.Count + 1;
        if (total > 255)
        {
            throw new DnsFormatException("name longer than 255 octets");
        }
        labels.Add([.. current]);
        current.Clear();
    }

    private static ushort Count(int count) => count <= ushort.MaxValue ? (ushort)count : throw new DnsFormatException("too many records");

    private void WriteRecord(DnsResourceRecord record)
    {
        WriteName(record.Name);
        WriteUInt16((ushort)record.Type);
        WriteUInt16(record.Class);
        WriteUInt32(record.Ttl);
        var lengthAt = _buffer.Count;
        WriteUInt16(0);
        var start = _buffer.Count;
        switch (record.Type)
        {
            case DnsRecordType.A or DnsRecordType.AAAA when record.Address is { } address:
                var expected = record.Type == DnsRecordType.A ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
                if (address.AddressFamily != expected)
                {
                    throw new DnsFormatException($"{record.Type} record with address {address}");
                }
                _buffer.AddRange(address.GetAddressBytes());
                break;
            case DnsRecordType.CNAME or DnsRecordType.PTR or DnsRecordType.NS when record.Target is { } target:
                WriteName(target);
                break;
            case DnsRecordType.SRV when record.Srv is { } srv:
                WriteUInt16(srv.Priority);
                WriteUInt16(srv.Weight);
                WriteUInt16(srv.Port);
                // RFC 2782: the SRV target is not compressed.
                WriteName(srv.Target, compress: false);
                break;
            default:
                _buffer.AddRange(record.RawData.Span);
                break;
        }
        var length = _buffer.Count - start;
        _buffer[lengthAt] = (byte)(length >> 8);
        _buffer[lengthAt + 1] = (byte)length;
    }

    private void WriteName(string name, bool compress = true)
    {
        var labels = Labels(name);
        for (var i = 0; i < labels.Count; i++)
        {
            var suffix = Suffix(labels, i);
            if (compress && _suffixes.TryGetValue(suffix, out var offset))
            {
                WriteUInt16((ushort)(0xC000 | offset));
                return;
            }
            if (_buffer.Count <= MaxPointerOffset)
            {
                _suffixes.TryAdd(suffix, _buffer.Count);
            }
            _buffer.Add((byte)labels[i].Length);
            _buffer.AddRange(labels[i]);
        }
        _buffer.Add(0);
    }

    private static string Suffix(List<byte[]> labels, int from) =>
        string.Join('.', labels.Skip(from).Select(l => Convert.ToHexString(l)));

    private void WriteUInt16(ushort value)
    {
        _buffer.Add((byte)(value >> 8));
        _buffer.Add((byte)value);
    }

    private void WriteUInt32(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        foreach (var b in bytes)
        {
            _buffer.Add(b);
        }
    }
}
