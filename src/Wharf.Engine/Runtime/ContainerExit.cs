namespace Wharf.Engine.Runtime;

/// <summary>How a container ended, as conmon recorded it.</summary>
/// <param name="ExitCode">Exit status, 128+signal when killed, -1 when unknown.</param>
/// <param name="FinishedAt">When the exit was recorded (exit file ctime), UTC.</param>
/// <param name="OomKilled">The memory cgroup OOM-killed a process of the container.</param>
public sealed record ContainerExit(int ExitCode, DateTimeOffset FinishedAt, bool OomKilled);
