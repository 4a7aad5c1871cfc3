using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf restart</c>: restarts containers (stop with a timeout, then start), printing each argument that succeeded.</summary>
internal sealed class RestartCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "restart";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] CONTAINER [CONTAINER...]";

    /// <inheritdoc/>
    public override string Description => "Restart one or more containers";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.AtLeast(1);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .String("signal", 's', "Signal to send to the container")
        .Int("timeout", 't', "Seconds to wait before killing the container");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var context = invocation.Context;
        var client = await context.GetClientAsync().ConfigureAwait(false);
        int? timeout = invocation.Flags.IsSet("timeout") ? (int)invocation.Flags.GetInt("timeout") : null;
        var signal = invocation.Flags.GetStringOrNull("signal");
        var ok = await PerTarget.RunAsync(invocation.Args, async name =>
        {
            await client.RestartContainerAsync(name, timeout, signal, context.Cancellation).ConfigureAwait(false);
            context.Out.WriteLine(name);
        }, context).ConfigureAwait(false);
        return ok ? 0 : 1;
    }
}
