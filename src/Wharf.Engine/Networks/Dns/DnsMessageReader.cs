using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Wharf.Engine.Networks.Dns;

/// <summary>
/// Decodes a DNS message. Every read is bounds-checked; each compression pointer must land before the previous
/// jump (the first before the name), so a message can never make the reader loop, and names are capped at 255 wire octets.
/// </summary>
internal ref struct DnsMessageReader(ReadOnlySpan<byte> data)
{
    private const int MaxNameLength = 255;
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    /// <summary>Reads header and sections; trailing bytes after the last record are ignored.</summary>
    public DnsMessage ReadMessage()
    {
        var id = ReadUInt16();
        var flags = ReadUInt16();
        var questionCount = ReadUInt16();
        var answerCount = ReadUInt16();
        var authorityCount = ReadUInt16();
        var additionalCount = ReadUInt16();
        var questions = new List<DnsQuestion>(Math.Min((int)questionCount, 16));
        for (var i = 0; i < questionCount; i++)
        {
            var name = ReadName();
            var type = (DnsRecordType)ReadUInt16();
            questions.Add(new DnsQuestion(name, type, ReadUInt16()));
        }
        return new DnsMessage
        {
            Header = DnsHeader.FromWire(id, flags),
            Questions = questions,
            Answers = ReadRecords(answerCount),
            Authorities = ReadRecords(authorityCount),
            Additionals = ReadRecords(additionalCount),
        };
    }

    /// <summary>Reads just the ID and flags, for answering a message whose body is malformed.</summary>
    public static DnsHeader? TryReadHeader(ReadOnlySpan<byte> data) =>
        data.Length < 12 ? null : DnsHeader.FromWire(BinaryPrimitives.ReadUInt16BigEndian(data), BinaryPrimitives.ReadUInt16BigEndian(data[2..]));

    private List<DnsResourceRecord> ReadRecords(int count)
    {
        var records = new List<DnsResourceRecord>(Math.Min(count, 32));
        for (var i = 0; i < count; i++)
        {
            records.Add(ReadRecord());
        }
        return records;
    }

    private DnsResourceRecord ReadRecord()
    {
        var name = ReadName();
        var type = (DnsRecordType)ReadUInt16();
        var @class = ReadUInt16();
        var ttl = ReadUInt32();
        var length = ReadUInt16();
        Need(length);
        var start = _position;
        var end = start + length;
        var record = new DnsResourceRecord { Name = name, Type = type, Class = @class, Ttl = ttl };
        switch (type)
        {
            case DnsRecordType.A when length == 4:
            case DnsRecordType.AAAA when length == 16:
                record = record with { Address = new IPAddress(_data.Slice(start, length)) };
                _position = end;
                break;
            case DnsRecordType.A:
            case DnsRecordType.AAAA:
                throw new DnsFormatException($"{type} record with {length} bytes of data");
            case DnsRecordType.CNAME or DnsRecordType.PTR or DnsRecordType.NS:
                record = record with { Target = ReadName() };
                break;
            case DnsRecordType.SRV:
                var priority = ReadUInt16();
                var weight = ReadUInt16();
                var port = ReadUInt16();
                record = record with { Srv = new DnsSrvData(priority, weight, port, ReadName()) };
                break;
            default:
                record = record with { RawData = _data.Slice(start, length).ToArray() };
                _position = end;
                break;
        }
        if (_position != end)
        {
            throw new DnsFormatException($"{type} record data length {length} does not match its content");
        }
        return record;
    }

    private string ReadName()
    {
        var name = new StringBuilder();
        var position = _position;
        var resume = -1;
        var limit = position;
        var wireLength = 0;
        while (true)
        {
            if (position >= _data.Length)
            {
                throw new DnsFormatException("name runs past the end of the message");
            }
            var length = _data[position];
            if ((length & 0xC0) == 0xC0)
            {
                if (position + 1 >= _data.Length)
                {
                    throw new DnsFormatException("compression pointer runs past the end of the message");
                }
                var target = ((length & 0x3F) << 8) | _data[position + 1];
                // Each jump must land strictly before the previous one (the first before the name's start), as a
                // compressor only refers to names written earlier; the targets decrease, so no message can loop.
                if (target >= limit)
                {
                    throw new DnsFormatException($"compression pointer at {position} does not point backwards (to {target})");
                }
                limit = target;
                if (resume < 0)
                {
                    resume = position + 2;
                }
                position = target;
                continue;
            }
            if ((length & 0xC0) != 0)
            {
                throw new DnsFormatException($"unsupported label type 0x{length:x2}");
            }
            wireLength += length + 1;
            if (wireLength > MaxNameLength)
            {
                throw new DnsFormatException("name longer than 255 octets");
            }
            if (length == 0)
            {
                position++;
                break;
            }
            if (position + 1 + length > _data.Length)
            {
                throw new DnsFormatException("label runs past the end of the message");
            }
            if (name.Length > 0)
            {
                name.Append('.');
            }
            AppendLabel(name, _data.Slice(position + 1, length));
            position += 1 + length;
        }
        _position = resume >= 0 ? resume : position;
        return name.ToString();
    }

    private static void AppendLabel(StringBuilder name, ReadOnlySpan<byte> label)
    {
        foreach (var b in label)
        {
            if (b is (byte)'.' or (byte)'\\')
            {
                name.Append('\\').Append((char)b);
            }
            else if (b is > 0x20 and < 0x7F)
            {
                name.Append((char)b);
            }
            else
            {
                name.Append('\\').Append(((int)b).ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private ushort ReadUInt16()
    {
        Need(2);
        var value = BinaryPrimitives.ReadUInt16BigEndian(_data[_position..]);
        _position += 2;
        return value;
    }

    private uint ReadUInt32()
    {
        Need(4);
        var value = BinaryPrimitives.ReadUInt32BigEndian(_data[_position..]);
        _position += 4;
        return value;
    }

    private readonly void Need(int count)
    {
        if (_position + count > _data.Length)
        {
            throw new DnsFormatException("message truncated");
        }
    }
}
