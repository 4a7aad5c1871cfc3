namespace Wharf.Engine.Networks.Dns;

/// <summary>What the local records say about a question: answers, a known name without that type, or nothing.</summary>
public sealed record DnsLookupResult(bool Known, IReadOnlyList<DnsResourceRecord> Answers)
{
    /// <summary>The name is not a container name here; ask upstream.</summary>
    public static readonly DnsLookupResult NotLocal = new(false, []);
}
