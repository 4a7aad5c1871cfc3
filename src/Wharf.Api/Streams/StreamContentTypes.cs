namespace Wharf.Api.Streams;

/// <summary>Content types of Docker's streamed responses.</summary>
public static class StreamContentTypes
{
    /// <summary>Raw (TTY) stdio.</summary>
    public const string Raw = "application/vnd.docker.raw-stream";

    /// <summary>Multiplexed stdio frames (non-TTY, API ≥ 1.42).</summary>
    public const string Multiplexed = "application/vnd.docker.multiplexed-stream";

    /// <summary>JSON messages and errors: exactly this, with no charset (the CLI compares the string).</summary>
    public const string Json = "application/json";

    /// <summary>Tar archives.</summary>
    public const string Tar = "application/x-tar";
}
