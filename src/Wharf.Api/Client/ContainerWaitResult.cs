namespace Wharf.Api.Client;

/// <summary>What <c>POST /containers/{id}/wait</c> answered: the exit code and an optional error.</summary>
public sealed record ContainerWaitResult(long StatusCode, string? ErrorMessage);
