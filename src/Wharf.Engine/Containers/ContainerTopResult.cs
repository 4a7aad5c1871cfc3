namespace Wharf.Engine.Containers;

/// <summary><c>top</c>'s answer: ps's column titles and the container's rows.</summary>
/// <param name="Titles">Column headers.</param>
/// <param name="Processes">One row per process; the last column holds the rest of the line.</param>
public sealed record ContainerTopResult(IReadOnlyList<string> Titles, IReadOnlyList<IReadOnlyList<string>> Processes);
