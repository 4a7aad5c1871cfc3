namespace Wharf.Daemon.Routers.Exec;

/// <summary>How a client's stdin copy ended.</summary>
public enum StdinResult
{
    /// <summary>The client half-closed (stdin EOF).</summary>
    EndOfInput,
    /// <summary>The client typed the detach key sequence.</summary>
    Detached,
    /// <summary>The connection failed.</summary>
    Disconnected,
}
