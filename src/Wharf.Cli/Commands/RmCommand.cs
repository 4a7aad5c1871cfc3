using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf rm</c>: removes containers, printing each argument that succeeded.</summary>
internal sealed class RmCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "rm";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] CONTAINER [CONTAINER...]";

    /// <inheritdoc/>
    public override string Description => "Remove one or more containers";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.AtLeast(1);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .Bool("force", 'f', "Force the removal of a running container (uses SIGKILL)")
        .Bool("link", 'l', "Remove the specified link")
        .Bool("volumes", 'v', "Remove anonymous volumes associated with the container");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var context = invocation.Context;
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var force = invocation.Flags.GetBool("force");
        var volumes = invocation.Flags.GetBool("volumes");
        var ok = await PerTarget.RunAsync(invocation.Args, async name =>
        {
            var trimmed = name.Trim('/');
            if (trimmed.Length == 0)
            {
                throw new StatusException(1, "Container name cannot be empty");
            }
            await client.RemoveContainerAsync(trimmed, force, volumes, context.Cancellation).ConfigureAwait(false);
            context.Out.WriteLine(name);
        }, context).ConfigureAwait(false);
        return ok ? 0 : 1;
    }
}
