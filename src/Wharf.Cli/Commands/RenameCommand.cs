using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf rename CONTAINER NEW_NAME</c>.</summary>
internal sealed class RenameCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "rename";

    /// <inheritdoc/>
    public override string Usage => "CONTAINER NEW_NAME";

    /// <inheritdoc/>
    public override string Description => "Rename a container";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.Exactly(2);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags)
    {
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var oldName = invocation.Args[0].Trim();
        var newName = invocation.Args[1].Trim();
        if (oldName.Length == 0 || newName.Length == 0)
        {
            throw new StatusException(1, "Error: Neither old nor new names may be empty");
        }
        var context = invocation.Context;
        var client = await context.GetClientAsync().ConfigureAwait(false);
        await client.RenameContainerAsync(oldName, newName, context.Cancellation).ConfigureAwait(false);
        return 0;
    }
}
