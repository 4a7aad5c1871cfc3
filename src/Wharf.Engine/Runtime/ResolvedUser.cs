namespace Wharf.Engine.Runtime;

/// <summary>A container user after resolution against the image's <c>/etc/passwd</c> and <c>/etc/group</c>.</summary>
/// <param name="Uid">User ID.</param>
/// <param name="Gid">Primary group ID.</param>
/// <param name="AdditionalGids">Supplementary groups (from /etc/group membership and <c>--group-add</c>).</param>
/// <param name="Home">Home directory from passwd, <c>/</c> when unknown.</param>
public sealed record ResolvedUser(uint Uid, uint Gid, IReadOnlyList<uint> AdditionalGids, string Home)
{
    /// <summary>root with home /root, what an empty user string resolves to when passwd has no entry.</summary>
    public static ResolvedUser Root { get; } = new(0, 0, [], "/root");
}
