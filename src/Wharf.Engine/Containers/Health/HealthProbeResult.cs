namespace Wharf.Engine.Containers.Health;

/// <summary>One probe, as inspect's <c>State.Health.Log</c> shows it.</summary>
/// <param name="Start">When the probe started.</param>
/// <param name="End">When it ended (or timed out).</param>
/// <param name="ExitCode">0 healthy, anything else a failure; -1 when it could not run or timed out.</param>
/// <param name="Output">stdout and stderr, at most <see cref="HealthTracker.MaxOutputBytes"/> bytes.</param>
public sealed record HealthProbeResult(DateTimeOffset Start, DateTimeOffset End, int ExitCode, string Output);
