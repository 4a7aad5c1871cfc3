namespace Wharf.Engine.Runtime;

/// <summary>One chunk of container output from conmon's attach socket.</summary>
/// <param name="Stream">stdout or stderr (a tty is all stdout).</param>
/// <param name="Data">1 to 8192 bytes.</param>
public readonly record struct AttachPacket(StdStream Stream, ReadOnlyMemory<byte> Data);
