namespace Wharf.Api.Streams;

/// <summary>The stream byte of a multiplexed stdio frame header.</summary>
public enum StdioStreamType : byte
{
    /// <summary>stdin (never used for output).</summary>
    Stdin = 0,
    /// <summary>stdout.</summary>
    Stdout = 1,
    /// <summary>stderr.</summary>
    Stderr = 2,
    /// <summary>A daemon-side error written into the stream.</summary>
    SystemError = 3,
}
