namespace Wharf.Engine.Networks.Dns;

/// <summary>The data of an SRV record (RFC 2782).</summary>
public sealed record DnsSrvData(ushort Priority, ushort Weight, ushort Port, string Target);
