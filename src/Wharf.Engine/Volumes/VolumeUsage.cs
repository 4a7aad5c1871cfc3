namespace Wharf.Engine.Volumes;

/// <summary>A volume's disk use and reference count (<c>UsageData</c> of <c>system df</c>); <paramref name="Size"/> is -1 when unknown.</summary>
public sealed record VolumeUsage(long Size, int RefCount);
