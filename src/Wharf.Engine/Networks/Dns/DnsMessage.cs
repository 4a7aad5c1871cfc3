namespace Wharf.Engine.Networks.Dns;

/// <summary>A whole DNS message (RFC 1035 §4.1): header and the four sections.</summary>
public sealed record DnsMessage
{
    /// <summary>The largest message a plain (non-EDNS) UDP exchange carries.</summary>
    public const int ClassicUdpSize = 512;

    /// <summary>Header.</summary>
    public required DnsHeader Header { get; init; }

    /// <summary>Question section.</summary>
    public IReadOnlyList<DnsQuestion> Questions { get; init; } = [];

    /// <summary>Answer section.</summary>
    public IReadOnlyList<DnsResourceRecord> Answers { get; init; } = [];

    /// <summary>Authority section.</summary>
    public IReadOnlyList<DnsResourceRecord> Authorities { get; init; } = [];

    /// <summary>Additional section (where EDNS OPT lives).</summary>
    public IReadOnlyList<DnsResourceRecord> Additionals { get; init; } = [];

    /// <summary>The EDNS(0) OPT record, when present.</summary>
    public DnsResourceRecord? Opt => Additionals.FirstOrDefault(r => r.Type == DnsRecordType.OPT);

    /// <summary>The UDP payload size the sender accepts: its OPT's class (at least 512), else 512.</summary>
    public int MaxUdpPayload => Opt is { } opt ? Math.Max(ClassicUdpSize, (int)opt.Class) : ClassicUdpSize;

    /// <summary>Parses a message; <see cref="DnsFormatException"/> when it is malformed.</summary>
    public static DnsMessage Parse(ReadOnlySpan<byte> data) => new DnsMessageReader(data).ReadMessage();

    /// <summary>
    /// Encodes the message with name compression. When it exceeds <paramref name="maxSize"/>, the result is the header
    /// with TC set and the question only, telling the client to retry over TCP.
    /// </summary>
    public byte[] ToBytes(int maxSize = ushort.MaxValue)
    {
        var full = DnsMessageWriter.Write(this);
        if (full.Length <= maxSize)
        {
            return full;
        }
        return DnsMessageWriter.Write(this with
        {
            Header = Header with { Truncated = true },
            Answers = [],
            Authorities = [],
            Additionals = [],
        });
    }
}
