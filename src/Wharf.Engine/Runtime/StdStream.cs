namespace Wharf.Engine.Runtime;

/// <summary>A container stdio stream; values are Docker's multiplexed-frame stream bytes.</summary>
public enum StdStream : byte
{
    /// <summary>stdin.</summary>
    Stdin = 0,
    /// <summary>stdout (also everything of a tty).</summary>
    Stdout = 1,
    /// <summary>stderr.</summary>
    Stderr = 2,
}
