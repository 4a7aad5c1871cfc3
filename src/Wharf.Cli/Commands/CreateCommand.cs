using Wharf.Api.Client;
using Wharf.Cli.Parsing;
using Wharf.Core.Errors;
using Wharf.Core.References;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf create</c>: creates a container (pulling the image when missing) and prints its ID.</summary>
internal sealed class CreateCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "create";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] IMAGE [COMMAND] [ARG...]";

    /// <inheritdoc/>
    public override string Description => "Create a new container";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.AtLeast(1);

    /// <inheritdoc/>
    public override bool StopsAtFirstPositional => true;

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => ContainerOptions.Define(flags);

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var flags = invocation.Flags;
        var context = invocation.Context;
        try
        {
            var image = invocation.Args[0];
            if (!ImageReference.TryParse(image, out _, out var error))
            {
                throw new FormatException(error);
            }
            var body = ContainerOptions.BuildBody(flags, image, invocation.Args.Skip(1).ToList(), detach: false, context.GetEnvironment, null);
            var client = await context.GetClientAsync().ConfigureAwait(false);
            var id = await ContainerCreator.CreateAsync(client, body, flags.GetStringOrNull("name"), flags.GetStringOrNull("platform"), image,
                flags.GetString("pull"), flags.GetBool("quiet"), context).ConfigureAwait(false);
            if (flags.GetStringOrNull("cidfile") is { Length: > 0 } cidfile)
            {
                await File.WriteAllTextAsync(cidfile, id).ConfigureAwait(false);
            }
            context.Out.WriteLine(id);
            return 0;
        }
        catch (FormatException e)
        {
            throw RunCommand.Failure(invocation.CommandPath, e.Message, 125);
        }
        catch (InvalidArgumentException e)
        {
            throw RunCommand.Failure(invocation.CommandPath, e.Message, 125);
        }
        catch (DaemonErrorException e)
        {
            throw RunCommand.Failure(invocation.CommandPath, "Error response from daemon: " + e.Message, 125);
        }
    }
}
