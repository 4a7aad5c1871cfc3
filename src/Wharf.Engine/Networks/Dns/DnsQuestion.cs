namespace Wharf.Engine.Networks.Dns;

/// <summary>One entry of the question section: name (without the trailing dot), type and class.</summary>
public sealed record DnsQuestion(string Name, DnsRecordType Type, ushort Class = DnsQuestion.ClassInternet)
{
    /// <summary>Class IN.</summary>
    public const ushort ClassInternet = 1;
}
