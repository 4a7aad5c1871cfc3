namespace Wharf.Engine.Containers;

/// <summary>A <c>POST /containers/{id}/update</c>: zero/empty/null fields leave the current value alone, as in Docker.</summary>
public sealed record ContainerUpdateOptions
{
    /// <summary>New limits (only the non-zero ones are applied).</summary>
    public ContainerResources Resources { get; init; } = new();

    /// <summary>New restart policy; null or an empty name keeps the current one.</summary>
    public RestartPolicy? RestartPolicy { get; init; }
}
