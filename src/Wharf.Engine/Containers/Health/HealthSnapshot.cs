namespace Wharf.Engine.Containers.Health;

/// <summary>A container's health at one moment (inspect <c>State.Health</c>).</summary>
/// <param name="Status">See <see cref="HealthStatus"/>.</param>
/// <param name="FailingStreak">Consecutive failed probes counted so far.</param>
/// <param name="Log">The last probes, oldest first (at most <see cref="HealthTracker.MaxLogEntries"/>).</param>
public sealed record HealthSnapshot(string Status, int FailingStreak, IReadOnlyList<HealthProbeResult> Log);
