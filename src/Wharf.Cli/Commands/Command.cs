using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary>One CLI verb (<c>run</c>, <c>ps</c>, …): its flags, argument rule and behaviour. One class per verb.</summary>
internal abstract class Command
{
    /// <summary>The verb as typed under its group (<c>ls</c> for <c>container ls</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The text after the command path in the usage line, e.g. <c>[OPTIONS] CONTAINER [CONTAINER...]</c>.</summary>
    public abstract string Usage { get; }

    /// <summary>The one-line description shown in help.</summary>
    public abstract string Description { get; }

    /// <summary>How many positional arguments the command takes.</summary>
    public virtual ArgCount Args => ArgCount.Any;

    /// <summary>True for commands whose trailing arguments belong to the container (<c>run IMAGE CMD -x</c>).</summary>
    public virtual bool StopsAtFirstPositional => false;

    /// <summary>Declares the command's flags.</summary>
    public abstract void DefineFlags(FlagSet flags);

    /// <summary>Runs the command and returns the process exit code.</summary>
    public abstract Task<int> ExecuteAsync(CommandInvocation invocation);

    /// <summary>Builds the flag set including <c>--help</c> (with <c>-h</c> unless the command uses it).</summary>
    public FlagSet CreateFlagSet()
    {
        var flags = new FlagSet();
        DefineFlags(flags);
        flags.Bool("help", flags.HasShorthand('h') ? null : 'h', "Print usage");
        return flags;
    }
}
