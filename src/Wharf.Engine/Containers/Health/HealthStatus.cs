namespace Wharf.Engine.Containers.Health;

/// <summary>Docker's health status words (<c>State.Health.Status</c>, <c>ps --filter health=</c>).</summary>
public static class HealthStatus
{
    /// <summary>No successful probe yet (and not yet enough failures).</summary>
    public const string Starting = "starting";

    /// <summary>The last probe succeeded.</summary>
    public const string Healthy = "healthy";

    /// <summary>At least Retries probes failed in a row (also set when probing stops because the container stopped).</summary>
    public const string Unhealthy = "unhealthy";

    /// <summary>The container has no health check (filter value only).</summary>
    public const string None = "none";
}
