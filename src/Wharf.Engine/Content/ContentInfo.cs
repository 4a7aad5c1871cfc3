using Wharf.Core.Digests;

namespace Wharf.Engine.Content;

/// <summary>A committed blob: its digest, size and when it was committed.</summary>
public sealed record ContentInfo(Digest Digest, long Size, DateTimeOffset CommittedAt);
