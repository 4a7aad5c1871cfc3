namespace Wharf.Engine.Networks.Dns;

/// <summary>The RCODE of a DNS header (RFC 1035 §4.1.1).</summary>
public enum DnsResponseCode : byte
{
    /// <summary>No error.</summary>
    NoError = 0,

    /// <summary>The query could not be interpreted.</summary>
    FormatError = 1,

    /// <summary>The server could not process the query (e.g. upstream unreachable).</summary>
    ServerFailure = 2,

    /// <summary>The name does not exist.</summary>
    NameError = 3,

    /// <summary>The kind of query is not supported.</summary>
    NotImplemented = 4,

    /// <summary>The server refuses to answer.</summary>
    Refused = 5,
}
