namespace Wharf.Engine.Runtime.Cgroups;

/// <summary>One block I/O counter of a device (Docker's <c>BlkioStatEntry</c>).</summary>
/// <param name="Major">Device major.</param>
/// <param name="Minor">Device minor.</param>
/// <param name="Op"><c>Read</c>, <c>Write</c>, ... (v1) or <c>read</c>/<c>write</c> (v2).</param>
/// <param name="Value">Bytes or operations.</param>
public sealed record BlkioEntry(ulong Major, ulong Minor, string Op, ulong Value);
