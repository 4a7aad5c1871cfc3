namespace Wharf.Cli.Commands;

/// <summary>Ends the command with a given exit code, printing the message (when not empty) to stderr.</summary>
internal sealed class StatusException(int exitCode, string message) : Exception(message)
{
    /// <summary>The process exit code.</summary>
    public int ExitCode { get; } = exitCode;
}
