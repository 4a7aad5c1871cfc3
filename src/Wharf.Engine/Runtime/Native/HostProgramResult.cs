namespace Wharf.Engine.Runtime.Native;

/// <summary>How a <see cref="HostProgram"/> run ended: its exit code and everything it wrote.</summary>
internal sealed record HostProgramResult(int ExitCode, string Stdout, string Stderr);
