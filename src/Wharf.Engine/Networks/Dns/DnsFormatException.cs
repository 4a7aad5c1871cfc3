namespace Wharf.Engine.Networks.Dns;

/// <summary>A DNS message is malformed (truncated, bad label, compression loop) or a name cannot be encoded.</summary>
public sealed class DnsFormatException(string message) : Exception(message);
