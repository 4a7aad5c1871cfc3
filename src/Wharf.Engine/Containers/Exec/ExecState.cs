namespace Wharf.Engine.Containers.Exec;

/// <summary>The state of an exec instance at one moment.</summary>
/// <param name="Running">The process runs.</param>
/// <param name="ExitCode">Exit code once it ended (126/127 when it could not start); null before.</param>
/// <param name="Pid">Host PID; 0 before it started.</param>
/// <param name="CanRemove">It ended, so the daemon may forget it.</param>
public sealed record ExecState(bool Running, int? ExitCode, int Pid, bool CanRemove);
