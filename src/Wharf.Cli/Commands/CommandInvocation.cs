using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary>One run of a command: the path it was invoked as, its parsed flags and the process context.</summary>
internal sealed class CommandInvocation(string commandPath, ParsedFlags flags, CliContext context)
{
    /// <summary>The command as invoked, e.g. <c>wharf container ls</c>.</summary>
    public string CommandPath { get; } = commandPath;

    /// <summary>Parsed flag values.</summary>
    public ParsedFlags Flags { get; } = flags;

    /// <summary>Positional arguments.</summary>
    public IReadOnlyList<string> Args => Flags.Positionals;

    /// <summary>Streams, environment and the daemon connection.</summary>
    public CliContext Context { get; } = context;

    /// <summary>Shortcut for <see cref="CliContext.Out"/>.</summary>
    public TextWriter Out => Context.Out;

    /// <summary>Shortcut for <see cref="CliContext.Err"/>.</summary>
    public TextWriter Err => Context.Err;
}
