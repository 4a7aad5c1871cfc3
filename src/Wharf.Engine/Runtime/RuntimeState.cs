namespace Wharf.Engine.Runtime;

/// <summary>What <c>runc state</c> reports.</summary>
/// <param name="Status"><c>creating</c>, <c>created</c>, <c>running</c>, <c>paused</c> or <c>stopped</c>.</param>
/// <param name="Pid">Init PID (0 when stopped).</param>
/// <param name="Bundle">Bundle directory.</param>
public sealed record RuntimeState(string Status, int Pid, string Bundle);
