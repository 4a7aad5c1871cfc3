using System.Globalization;
using Wharf.Api.Client;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf logs</c>: fetches a container's output (demultiplexed unless it has a TTY).</summary>
internal sealed class LogsCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "logs";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] CONTAINER";

    /// <inheritdoc/>
    public override string Description => "Fetch the logs of a container";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.Exactly(1);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .Bool("details", null, "Show extra details provided to logs")
        .Bool("follow", 'f', "Follow log output")
        .String("since", null, "Show logs since timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)")
        .String("tail", 'n', "Number of lines to show from the end of the logs", "all")
        .Bool("timestamps", 't', "Show timestamps")
        .String("until", null, "Show logs before a timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var flags = invocation.Flags;
        var context = invocation.Context;
        var now = DateTimeOffset.UtcNow;
        string? since = null, until = null;
        try
        {
            since = flags.GetStringOrNull("since") is { Length: > 0 } s ? Wharf.Core.Units.Timestamps.GetTimestamp(s, now) : null;
            until = flags.GetStringOrNull("until") is { Length: > 0 } u ? Wharf.Core.Units.Timestamps.GetTimestamp(u, now) : null;
        }
        catch (Wharf.Core.Errors.InvalidArgumentException e)
        {
            throw new StatusException(1, e.Message);
        }
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var inspect = await client.InspectContainerAsync(invocation.Args[0], cancellationToken: context.Cancellation).ConfigureAwait(false);
        var tty = inspect["Config"]?["Tty"]?.GetValue<bool>() ?? false;
        var options = new LogsOptions
        {
            Follow = flags.GetBool("follow"),
            Timestamps = flags.GetBool("timestamps"),
            Tail = flags.GetString("tail"),
            Since = since,
            Until = until,
        };
        await using var stream = await client.GetContainerLogsAsync(inspect["Id"]!.GetValue<string>(), options, context.Cancellation).ConfigureAwait(false);
        await StreamPump.CopyOutputAsync(stream, tty, context).ConfigureAwait(false);
        return 0;
    }
}
