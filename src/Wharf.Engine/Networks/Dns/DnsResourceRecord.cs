using System.Net;

namespace Wharf.Engine.Networks.Dns;

/// <summary>
/// A resource record. The data is decoded for the types the embedded DNS works with: <see cref="Address"/> for A and
/// AAAA, <see cref="Target"/> for CNAME, PTR and NS (compression pointers resolved), <see cref="Srv"/> for SRV; every
/// other type (OPT included) keeps its bytes in <see cref="RawData"/>.
/// </summary>
public sealed record DnsResourceRecord
{
    /// <summary>Owner name without the trailing dot (empty for the root, as in OPT).</summary>
    public required string Name { get; init; }

    /// <summary>Record type.</summary>
    public required DnsRecordType Type { get; init; }

    /// <summary>Class (IN = 1); for OPT the requester's UDP payload size.</summary>
    public ushort Class { get; init; } = DnsQuestion.ClassInternet;

    /// <summary>Time to live in seconds; for OPT the extended RCODE and flags.</summary>
    public uint Ttl { get; init; }

    /// <summary>A or AAAA address.</summary>
    public IPAddress? Address { get; init; }

    /// <summary>CNAME, PTR or NS target name.</summary>
    public string? Target { get; init; }

    /// <summary>SRV data.</summary>
    public DnsSrvData? Srv { get; init; }

    /// <summary>Undecoded RDATA of the other types.</summary>
    public ReadOnlyMemory<byte> RawData { get; init; }

    /// <summary>An A or AAAA record for <paramref name="address"/>.</summary>
    public static DnsResourceRecord ForAddress(string name, IPAddress address, uint ttl) => new()
    {
        Name = name,
        Type = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? DnsRecordType.AAAA : DnsRecordType.A,
        Ttl = ttl,
        Address = address,
    };

    /// <summary>An EDNS(0) OPT pseudo-record advertising <paramref name="udpPayloadSize"/>.</summary>
    public static DnsResourceRecord Opt(ushort udpPayloadSize) => new() { Name = "", Type = DnsRecordType.OPT, Class = udpPayloadSize };
}
