namespace Wharf.Engine.Containers;

/// <summary>What <c>GET /containers/json</c> asks for.</summary>
public sealed record ContainerListOptions
{
    /// <summary>Include stopped containers.</summary>
    public bool All { get; init; }

    /// <summary>Only the N most recently created (implies <see cref="All"/>); 0 or negative = no limit.</summary>
    public int Limit { get; init; }

    /// <summary>Only the most recently created one (<c>ps -l</c>).</summary>
    public bool Latest { get; init; }

    /// <summary>Compute SizeRw and SizeRootFs.</summary>
    public bool Size { get; init; }

    /// <summary><c>filters</c>: key → values (status, name, id, label, ancestor, exited, before, since, network, volume, health, publish, expose, is-task).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
