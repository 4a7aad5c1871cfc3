using Wharf.Api.Client;
using Wharf.Cli.Parsing;
using Wharf.Cli.Terminal;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf attach</c>: connects the terminal to a running container's stdio until it exits or the user detaches.</summary>
internal sealed class AttachCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "attach";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] CONTAINER";

    /// <inheritdoc/>
    public override string Description => "Attach local standard input, output, and error streams to a running container";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.Exactly(1);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .String("detach-keys", null, "Override the key sequence for detaching a container")
        .Bool("no-stdin", null, "Do not attach STDIN")
        .Bool("sig-proxy", null, "Proxy all received signals to the process", defaultValue: true);

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var flags = invocation.Flags;
        var context = invocation.Context;
        var name = invocation.Args[0];
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var wait = await client.WaitContainerAsync(name, null, context.Cancellation).ConfigureAwait(false);
        var inspect = await CheckStateAsync(client, name, context).ConfigureAwait(false);
        var id = inspect["Id"]!.GetValue<string>();
        var tty = inspect["Config"]?["Tty"]?.GetValue<bool>() ?? false;
        var openStdin = inspect["Config"]?["OpenStdin"]?.GetValue<bool>() ?? false;
        var noStdin = flags.GetBool("no-stdin");
        if (!noStdin && tty && !context.StdinIsTerminal)
        {
            throw new StatusException(1, "the input device is not a TTY");
        }
        var stdin = !noStdin && openStdin;
        var detachKeys = flags.GetStringOrNull("detach-keys");
        using var proxy = flags.GetBool("sig-proxy") && !tty ? SignalProxy.Start(client, id, context) : null;
        using var connection = await client.AttachContainerAsync(id, stdin, true, true, detachKeys: detachKeys, cancellationToken: context.Cancellation).ConfigureAwait(false);
        // The container may have stopped between the first check and the attach.
        await CheckStateAsync(client, id, context).ConfigureAwait(false);
        var detached = await HijackedSession.RunAsync(connection, context, tty, stdin, detachKeys, tty ? ResizeNudged(client, id) : null).ConfigureAwait(false);
        if (detached)
        {
            throw new StatusException(1, "read escape sequence");
        }
        var result = await wait.ConfigureAwait(false);
        if (result.ErrorMessage is { } error)
        {
            throw new StatusException(1, error);
        }
        return (int)result.StatusCode;
    }

    /// <summary>Docker sends a size one larger first, so a re-attached shell redraws its prompt, then the real size.</summary>
    private static Func<int, int, Task> ResizeNudged(WharfClient client, string id)
    {
        var first = true;
        return async (h, w) =>
        {
            if (first)
            {
                first = false;
                try
                {
                    await client.ResizeContainerAsync(id, h + 1, w + 1).ConfigureAwait(false);
                }
                catch (DaemonErrorException)
                {
                }
            }
            await client.ResizeContainerAsync(id, h, w).ConfigureAwait(false);
        };
    }

    private static async Task<System.Text.Json.Nodes.JsonObject> CheckStateAsync(WharfClient client, string name, CliContext context)
    {
        var inspect = await client.InspectContainerAsync(name, cancellationToken: context.Cancellation).ConfigureAwait(false);
        var state = inspect["State"];
        if (state?["Running"]?.GetValue<bool>() != true)
        {
            throw new StatusException(1, "cannot attach to a stopped container, start it first");
        }
        if (state["Paused"]?.GetValue<bool>() == true)
        {
            throw new StatusException(1, "cannot attach to a paused container, unpause it first");
        }
        if (state["Restarting"]?.GetValue<bool>() == true)
        {
            throw new StatusException(1, "cannot attach to a restarting container, wait until it is running");
        }
        return inspect;
    }
}
