using Wharf.Engine.Runtime;

namespace Wharf.Engine.Containers.Exec;

/// <summary>A started, attached exec: its output/stdin connection and the instance (await <see cref="ExecInstance.Ended"/> before closing a client stream).</summary>
/// <param name="Instance">The exec instance.</param>
/// <param name="Attach">Output and stdin of the process.</param>
public sealed record ExecStream(ExecInstance Instance, AttachConnection Attach);
