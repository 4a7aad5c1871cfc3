namespace Wharf.Engine.Containers;

/// <summary>How many containers are in each state, for <c>/info</c>.</summary>
/// <param name="Total">All containers.</param>
/// <param name="Running">Running (not paused).</param>
/// <param name="Paused">Paused.</param>
/// <param name="Stopped">Created, exited or dead.</param>
public sealed record ContainerCounts(int Total, int Running, int Paused, int Stopped);
