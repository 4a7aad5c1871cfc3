using System.Text.Json.Nodes;
using Wharf.Api.Client;
using Wharf.Cli.Parsing;
using Wharf.Cli.Terminal;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf exec</c>: runs a command in a running container and exits with its code, as docker does.</summary>
internal sealed class ExecCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "exec";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] CONTAINER COMMAND [ARG...]";

    /// <inheritdoc/>
    public override string Description => "Execute a command in a running container";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.AtLeast(2);

    /// <inheritdoc/>
    public override bool StopsAtFirstPositional => true;

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .Bool("detach", 'd', "Detached mode: run command in the background")
        .String("detach-keys", null, "Override the key sequence for detaching a container")
        .List("env", 'e', "Set environment variables")
        .List("env-file", null, "Read in a file of environment variables")
        .Bool("interactive", 'i', "Keep STDIN open even if not attached")
        .Bool("privileged", null, "Give extended privileges to the command")
        .Bool("tty", 't', "Allocate a pseudo-TTY")
        .String("user", 'u', "Username or UID (format: \"<name|uid>[:<group|gid>]\")")
        .String("workdir", 'w', "Working directory inside the container");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var flags = invocation.Flags;
        var context = invocation.Context;
        var container = invocation.Args[0];
        var detach = flags.GetBool("detach");
        var tty = flags.GetBool("tty");
        var interactive = flags.GetBool("interactive");
        var body = BuildBody(flags, invocation.Args.Skip(1).ToList(), context.GetEnvironment);
        var client = await context.GetClientAsync().ConfigureAwait(false);
        // As docker: a missing container is reported before the tty check, and both before an exec instance exists.
        await client.InspectContainerAsync(container, cancellationToken: context.Cancellation).ConfigureAwait(false);
        if (!detach && interactive && tty && !context.StdinIsTerminal)
        {
            throw new StatusException(1, "the input device is not a TTY");
        }
        var consoleSize = tty && context.StdoutIsTerminal ? RawTerminal.GetSize(1) : null;
        if (consoleSize is { } size)
        {
            body["ConsoleSize"] = new JsonArray(size.Height, size.Width);
        }
        var execId = await client.CreateExecAsync(container, body, context.Cancellation).ConfigureAwait(false);
        if (detach)
        {
            await client.StartExecDetachedAsync(execId, tty, context.Cancellation).ConfigureAwait(false);
            return 0;
        }
        using (var connection = await client.StartExecAttachedAsync(execId, tty, consoleSize, context.Cancellation).ConfigureAwait(false))
        {
            var detached = await HijackedSession.RunAsync(connection, context, tty, interactive, flags.GetStringOrNull("detach-keys"),
                tty ? (h, w) => client.ResizeExecAsync(execId, h, w) : null).ConfigureAwait(false);
            if (detached)
            {
                throw new StatusException(1, "read escape sequence");
            }
        }
        JsonObject inspect;
        try
        {
            inspect = await client.InspectExecAsync(execId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DaemonUnreachableException)
        {
            return 255;
        }
        return inspect["ExitCode"]?.GetValue<int>() ?? 0;
    }

    /// <summary>The ExecConfig body docker sends for these flags.</summary>
    public static JsonObject BuildBody(ParsedFlags flags, IReadOnlyList<string> command, Func<string, string?> environment)
    {
        var detach = flags.GetBool("detach");
        var env = new JsonArray();
        foreach (var file in flags.GetList("env-file"))
        {
            foreach (var line in KeyValueFile.ReadFile(file, environment, "env file"))
            {
                env.Add((JsonNode)line);
            }
        }
        foreach (var e in flags.GetList("env"))
        {
            env.Add((JsonNode)KeyValueFile.ExpandEnv(e, environment));
        }
        var cmd = new JsonArray();
        foreach (var arg in command)
        {
            cmd.Add((JsonNode)arg);
        }
        return new JsonObject
        {
            ["User"] = flags.GetString("user"),
            ["Privileged"] = flags.GetBool("privileged"),
            ["Tty"] = flags.GetBool("tty"),
            ["AttachStdin"] = !detach && flags.GetBool("interactive"),
            ["AttachStderr"] = !detach,
            ["AttachStdout"] = !detach,
            ["DetachKeys"] = flags.GetString("detach-keys"),
            ["Env"] = env,
            ["WorkingDir"] = flags.GetString("workdir"),
            ["Cmd"] = cmd,
        };
    }
}
