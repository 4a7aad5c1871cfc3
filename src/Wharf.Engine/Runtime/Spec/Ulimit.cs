namespace Wharf.Engine.Runtime.Spec;

/// <summary>A Docker <c>--ulimit name=soft:hard</c> (name without the RLIMIT_ prefix, e.g. <c>nofile</c>).</summary>
public sealed record Ulimit(string Name, long Soft, long Hard);
