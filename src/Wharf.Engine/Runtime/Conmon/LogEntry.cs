namespace Wharf.Engine.Runtime.Conmon;

/// <summary>One reassembled log line (or the unterminated tail of a stream).</summary>
/// <param name="Stream">stdout or stderr.</param>
/// <param name="Timestamp">When the line's first chunk was logged, UTC.</param>
/// <param name="Bytes">The line including its trailing <c>\n</c> (absent only for a final partial line).</param>
public sealed record LogEntry(StdStream Stream, DateTimeOffset Timestamp, byte[] Bytes);
