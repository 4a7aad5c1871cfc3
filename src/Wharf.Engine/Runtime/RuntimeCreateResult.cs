namespace Wharf.Engine.Runtime;

/// <summary>A created container: its init PID and the PID of its conmon monitor.</summary>
public sealed record RuntimeCreateResult(int Pid, int ConmonPid);
