namespace Wharf.Engine.Containers;

/// <summary>The answer to a wait: Docker's <c>{StatusCode, Error?:{Message}}</c>.</summary>
/// <param name="StatusCode">Exit code.</param>
/// <param name="Error">Why the container failed to start or be waited on; null when fine.</param>
public sealed record ContainerWaitResult(int StatusCode, string? Error = null);
