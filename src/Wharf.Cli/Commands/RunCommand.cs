using Wharf.Api.Client;
using Wharf.Cli.Parsing;
using Wharf.Cli.Terminal;
using Wharf.Core.Errors;
using Wharf.Core.References;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf run</c>: create → (pull) → attach → wait → start → stream → exit with the container's code, as docker does.</summary>
internal sealed class RunCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "run";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] IMAGE [COMMAND] [ARG...]";

    /// <inheritdoc/>
    public override string Description => "Create and run a new container from an image";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.AtLeast(1);

    /// <inheritdoc/>
    public override bool StopsAtFirstPositional => true;

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags)
    {
        flags.Bool("detach", 'd', "Run container in background and print container ID");
        flags.Bool("sig-proxy", null, "Proxy received signals to the process", defaultValue: true);
        ContainerOptions.Define(flags);
    }

    /// <summary>The exit code docker uses for a failed run: 127 command not found, 126 not executable, else 125.</summary>
    public static int ExitCodeFor(string message)
    {
        if (message.Contains("executable file not found", StringComparison.Ordinal) || message.Contains("no such file or directory", StringComparison.Ordinal)
            || message.Contains("system cannot find the file specified", StringComparison.Ordinal))
        {
            return 127;
        }
        if (message.Contains("permission denied", StringComparison.Ordinal) || message.Contains("is a directory", StringComparison.Ordinal))
        {
            return 126;
        }
        return 125;
    }

    /// <summary>Wraps a failure of run/create the way docker prints it.</summary>
    public static StatusException Failure(string commandPath, string message, int? exitCode = null) =>
        new(exitCode ?? ExitCodeFor(message), $"{CliApp.ProgramName}: {message}\n\nRun '{commandPath} --help' for more information");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        try
        {
            return await RunAsync(invocation).ConfigureAwait(false);
        }
        catch (FormatException e)
        {
            throw Failure(invocation.CommandPath, e.Message, 125);
        }
        catch (InvalidArgumentException e)
        {
            throw Failure(invocation.CommandPath, e.Message, 125);
        }
        catch (DaemonErrorException e)
        {
            throw Failure(invocation.CommandPath, "Error response from daemon: " + e.Message);
        }
        catch (JsonMessageException e)
        {
            throw Failure(invocation.CommandPath, e.Message, 125);
        }
    }

    private static async Task<int> RunAsync(CommandInvocation invocation)
    {
        var flags = invocation.Flags;
        var context = invocation.Context;
        var detach = flags.GetBool("detach");
        var image = invocation.Args[0];
        ValidateImage(image);
        var tty = flags.GetBool("tty");
        var consoleSize = tty && context.StdoutIsTerminal ? RawTerminal.GetSize(1) : null;
        var body = ContainerOptions.BuildBody(flags, image, invocation.Args.Skip(1).ToList(), detach, context.GetEnvironment, consoleSize);
        if (tty && flags.GetBool("interactive") && !context.StdinIsTerminal && !detach)
        {
            throw new StatusException(1, "the input device is not a TTY");
        }
        var autoRemove = flags.GetBool("rm");
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var id = await ContainerCreator.CreateAsync(client, body, flags.GetStringOrNull("name"), flags.GetStringOrNull("platform"), image,
            flags.GetString("pull"), flags.GetBool("quiet"), context).ConfigureAwait(false);
        if (flags.GetStringOrNull("cidfile") is { Length: > 0 } cidfile)
        {
            await File.WriteAllTextAsync(cidfile, id).ConfigureAwait(false);
        }

        var attachStdin = body["AttachStdin"]!.GetValue<bool>();
        var attachStdout = body["AttachStdout"]!.GetValue<bool>();
        var attachStderr = body["AttachStderr"]!.GetValue<bool>();
        HijackedConnection? connection = null;
        try
        {
            if (attachStdin || attachStdout || attachStderr)
            {
                connection = await client.AttachContainerAsync(id, attachStdin, attachStdout, attachStderr, detachKeys: flags.GetStringOrNull("detach-keys"),
                    cancellationToken: context.Cancellation).ConfigureAwait(false);
            }
            var wait = await client.WaitContainerAsync(id, autoRemove ? "removed" : "next-exit", context.Cancellation).ConfigureAwait(false);
            try
            {
                await client.StartContainerAsync(id, context.Cancellation).ConfigureAwait(false);
            }
            catch (DaemonErrorException)
            {
                connection?.Dispose();
                if (autoRemove)
                {
                    await IgnoreFailure(wait).ConfigureAwait(false);
                }
                throw;
            }
            if (connection is null)
            {
                context.Out.WriteLine(id);
                return 0;
            }
            using var proxy = !tty && flags.GetBool("sig-proxy") ? SignalProxy.Start(client, id, context) : null;
            var detached = await HijackedSession.RunAsync(connection, context, tty, attachStdin, flags.GetStringOrNull("detach-keys"),
                tty ? (h, w) => client.ResizeContainerAsync(id, h, w) : null).ConfigureAwait(false);
            if (detached)
            {
                // As docker: detaching leaves the container running and is not an error.
                return 0;
            }
            var result = await wait.ConfigureAwait(false);
            if (result.ErrorMessage is { } error)
            {
                context.Err.WriteLine(error);
            }
            return (int)result.StatusCode;
        }
        finally
        {
            context.InterruptHandler = null;
            connection?.Dispose();
        }
    }

    private static void ValidateImage(string image)
    {
        if (!ImageReference.TryParse(image, out _, out var error))
        {
            throw new FormatException(error);
        }
    }

    private static async Task IgnoreFailure(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is DaemonErrorException or IOException or HttpRequestException)
        {
            // Best effort: the primary error is what the user needs to see.
        }
    }
}
