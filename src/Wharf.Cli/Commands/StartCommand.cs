using Wharf.Api.Client;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf start</c>: starts containers and prints their names, or attaches to one with <c>-a</c>.</summary>
internal sealed class StartCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "start";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] CONTAINER [CONTAINER...]";

    /// <inheritdoc/>
    public override string Description => "Start one or more stopped containers";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.AtLeast(1);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .Bool("attach", 'a', "Attach STDOUT/STDERR and forward signals")
        .String("detach-keys", null, "Override the key sequence for detaching a container")
        .Bool("interactive", 'i', "Attach container's STDIN");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var context = invocation.Context;
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var attach = invocation.Flags.GetBool("attach");
        var interactive = invocation.Flags.GetBool("interactive");
        if (attach || interactive)
        {
            if (invocation.Args.Count > 1)
            {
                throw new StatusException(1, "you cannot start and attach multiple containers at once");
            }
            return await StartAttachedAsync(client, invocation.Args[0], interactive, invocation.Flags.GetStringOrNull("detach-keys"), context).ConfigureAwait(false);
        }
        var failed = new List<string>();
        foreach (var name in invocation.Args)
        {
            try
            {
                await client.StartContainerAsync(name, context.Cancellation).ConfigureAwait(false);
                context.Out.WriteLine(name);
            }
            catch (DaemonErrorException e)
            {
                await context.Out.FlushAsync().ConfigureAwait(false);
                context.Err.WriteLine("Error response from daemon: " + e.Message);
                failed.Add(name);
            }
        }
        if (failed.Count > 0)
        {
            throw new StatusException(1, "failed to start containers: " + string.Join(", ", failed));
        }
        return 0;
    }

    private static async Task<int> StartAttachedAsync(WharfClient client, string name, bool interactive, string? detachKeys, CliContext context)
    {
        var inspect = await client.InspectContainerAsync(name, cancellationToken: context.Cancellation).ConfigureAwait(false);
        var id = inspect["Id"]!.GetValue<string>();
        var tty = inspect["Config"]?["Tty"]?.GetValue<bool>() ?? false;
        var autoRemove = inspect["HostConfig"]?["AutoRemove"]?.GetValue<bool>() ?? false;
        var openStdin = inspect["Config"]?["OpenStdin"]?.GetValue<bool>() ?? false;
        var withStdin = interactive && openStdin;
        if (withStdin && tty && !context.StdinIsTerminal)
        {
            throw new StatusException(1, "the input device is not a TTY");
        }
        using var connection = await client.AttachContainerAsync(id, withStdin, true, true, detachKeys: detachKeys, cancellationToken: context.Cancellation).ConfigureAwait(false);
        var wait = await client.WaitContainerAsync(id, autoRemove ? "removed" : "next-exit", context.Cancellation).ConfigureAwait(false);
        await client.StartContainerAsync(id, context.Cancellation).ConfigureAwait(false);
        using var proxy = !tty ? SignalProxy.Start(client, id, context) : null;
        var detached = await Terminal.HijackedSession.RunAsync(connection, context, tty, withStdin, detachKeys,
            tty ? (h, w) => client.ResizeContainerAsync(id, h, w) : null).ConfigureAwait(false);
        if (detached)
        {
            return 0;
        }
        var result = await wait.ConfigureAwait(false);
        return (int)result.StatusCode;
    }
}
