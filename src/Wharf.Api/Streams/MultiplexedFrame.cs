namespace Wharf.Api.Streams;

/// <summary>One frame read from a multiplexed stdio stream.</summary>
/// <param name="Stream">Which stream the payload belongs to.</param>
/// <param name="Payload">The payload bytes.</param>
public readonly record struct MultiplexedFrame(StdioStreamType Stream, ReadOnlyMemory<byte> Payload);
