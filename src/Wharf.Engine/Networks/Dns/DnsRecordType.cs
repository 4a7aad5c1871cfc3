namespace Wharf.Engine.Networks.Dns;

/// <summary>Resource record types (RFC 1035 §3.2.2, RFC 3596, RFC 2782, RFC 6891) that the embedded DNS reads or writes.</summary>
public enum DnsRecordType : ushort
{
    /// <summary>IPv4 address.</summary>
    A = 1,

    /// <summary>Authoritative name server.</summary>
    NS = 2,

    /// <summary>Canonical name.</summary>
    CNAME = 5,

    /// <summary>Start of authority.</summary>
    SOA = 6,

    /// <summary>Domain name pointer (reverse lookups).</summary>
    PTR = 12,

    /// <summary>Mail exchange.</summary>
    MX = 15,

    /// <summary>Text.</summary>
    TXT = 16,

    /// <summary>IPv6 address.</summary>
    AAAA = 28,

    /// <summary>Service locator.</summary>
    SRV = 33,

    /// <summary>EDNS(0) pseudo-record.</summary>
    OPT = 41,

    /// <summary>Any type (query only).</summary>
    ANY = 255,
}
