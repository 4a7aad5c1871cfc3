namespace Wharf.Engine.Containers;

/// <summary>One <c>/etc/hosts</c> line: an address and the names that map to it.</summary>
public sealed record HostsEntry(string Address, IReadOnlyList<string> Names)
{
    /// <summary>The line as Docker writes it: <c>address&lt;TAB&gt;name1 name2</c>.</summary>
    public override string ToString() => Address + "\t" + string.Join(' ', Names);
}
