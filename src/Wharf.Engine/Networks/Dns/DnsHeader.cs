namespace Wharf.Engine.Networks.Dns;

/// <summary>The fixed 12-byte header of a DNS message without its section counts (RFC 1035 §4.1.1).</summary>
public sealed record DnsHeader
{
    /// <summary>Identifier copied from query to response.</summary>
    public ushort Id { get; init; }

    /// <summary>QR: this message is a response.</summary>
    public bool IsResponse { get; init; }

    /// <summary>OPCODE: 0 is a standard query.</summary>
    public byte Opcode { get; init; }

    /// <summary>AA: authoritative answer.</summary>
    public bool Authoritative { get; init; }

    /// <summary>TC: the message was truncated; retry over TCP.</summary>
    public bool Truncated { get; init; }

    /// <summary>RD: recursion desired.</summary>
    public bool RecursionDesired { get; init; }

    /// <summary>RA: recursion available.</summary>
    public bool RecursionAvailable { get; init; }

    /// <summary>AD: authentic data (RFC 4035).</summary>
    public bool AuthenticData { get; init; }

    /// <summary>CD: checking disabled (RFC 4035).</summary>
    public bool CheckingDisabled { get; init; }

    /// <summary>RCODE.</summary>
    public DnsResponseCode ResponseCode { get; init; }

    /// <summary>The 16 flag bits as on the wire.</summary>
    public ushort Flags =>
        (ushort)((IsResponse ? 0x8000 : 0) | ((Opcode & 0xF) << 11) | (Authoritative ? 0x0400 : 0) | (Truncated ? 0x0200 : 0)
            | (RecursionDesired ? 0x0100 : 0) | (RecursionAvailable ? 0x0080 : 0) | (AuthenticData ? 0x0020 : 0)
            | (CheckingDisabled ? 0x0010 : 0) | ((byte)ResponseCode & 0xF));

    /// <summary>Decodes the header fields from an ID and the wire flag bits.</summary>
    public static DnsHeader FromWire(ushort id, ushort flags) => new()
    {
        Id = id,
        IsResponse = (flags & 0x8000) != 0,
        Opcode = (byte)((flags >> 11) & 0xF),
        Authoritative = (flags & 0x0400) != 0,
        Truncated = (flags & 0x0200) != 0,
        RecursionDesired = (flags & 0x0100) != 0,
        RecursionAvailable = (flags & 0x0080) != 0,
        AuthenticData = (flags & 0x0020) != 0,
        CheckingDisabled = (flags & 0x0010) != 0,
        ResponseCode = (DnsResponseCode)(flags & 0xF),
    };
}
