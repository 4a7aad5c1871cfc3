namespace Wharf.Engine.Containers;

/// <summary>Docker's <c>HostConfig.LogConfig</c>; logs are written by conmon in k8s-file format whatever the type says.</summary>
/// <param name="Type">Log driver name Docker clients expect, <c>json-file</c> by default.</param>
/// <param name="Config">Driver options (<c>max-size</c>, <c>max-file</c>…).</param>
public sealed record LogConfig(string Type = "json-file", IReadOnlyDictionary<string, string>? Config = null);
