namespace Wharf.Cli.Commands;

/// <summary>
/// A command line the command cannot accept. Printed as docker does: the message, a blank line, the usage line,
/// then <c>Run|See '… --help' for more information</c>.
/// </summary>
internal sealed class CommandUsageException(string message, string commandPath, string usageLine, int exitCode, bool prefixProgram, bool see) : Exception(message)
{
    /// <summary>The command the message is about.</summary>
    public string CommandPath { get; } = commandPath;

    /// <summary>The full usage line, e.g. <c>wharf run [OPTIONS] IMAGE [COMMAND] [ARG...]</c>; empty to omit.</summary>
    public string UsageLine { get; } = usageLine;

    /// <summary>125 for flag errors, 1 for argument-count errors and unknown commands.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>True when the message is prefixed with <c>wharf: </c>.</summary>
    public bool PrefixProgram { get; } = prefixProgram;

    /// <summary>True when the hint starts with "See" rather than "Run".</summary>
    public bool See { get; } = see;

    /// <summary>The full text written to stderr.</summary>
    public string Render()
    {
        var text = (PrefixProgram ? CliApp.ProgramName + ": " : "") + Message + "\n\n";
        if (UsageLine.Length > 0)
        {
            text += "Usage:  " + UsageLine + "\n\n";
        }
        return text + (See ? "See" : "Run") + $" '{CommandPath} --help' for more information\n";
    }
}
