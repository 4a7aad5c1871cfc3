using System.Text.Json.Nodes;
using Wharf.Api.Client;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf inspect</c> (container, then image, unless <c>--type</c>), <c>container inspect</c> and <c>image inspect</c>.</summary>
internal sealed class InspectCommand(string? fixedType) : Command
{
    /// <summary>The <c>--type</c> value for containers.</summary>
    public const string ContainerType = "container";

    /// <summary>The <c>--type</c> value for images.</summary>
    public const string ImageType = "image";

    /// <inheritdoc/>
    public override string Name => "inspect";

    /// <inheritdoc/>
    public override string Usage => fixedType switch
    {
        ContainerType => "[OPTIONS] CONTAINER [CONTAINER...]",
        ImageType => "[OPTIONS] IMAGE [IMAGE...]",
        _ => "[OPTIONS] NAME|ID [NAME|ID...]",
    };

    /// <inheritdoc/>
    public override string Description => fixedType switch
    {
        ContainerType => "Display detailed information on one or more containers",
        ImageType => "Display detailed information on one or more images",
        _ => "Return low-level information on Docker objects",
    };

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.AtLeast(1);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags)
    {
        flags.String("format", 'f', "Format output using a custom template");
        if (fixedType != ImageType)
        {
            flags.Bool("size", 's', "Display total file sizes if the type is container");
        }
        if (fixedType is null)
        {
            flags.String("type", null, "Only inspect objects of the given type");
        }
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var flags = invocation.Flags;
        var context = invocation.Context;
        var type = fixedType ?? flags.GetStringOrNull("type");
        if (type is { Length: > 0 } && type is not (ContainerType or ImageType))
        {
            throw new StatusException(1, $"\"{type}\" is not a valid value for --type");
        }
        var template = FormatTemplate.Parse(flags.GetStringOrNull("format"));
        var size = fixedType != ImageType && flags.GetBool("size");
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var found = new List<JsonObject>();
        var errors = new List<string>();
        foreach (var name in invocation.Args)
        {
            var obj = await FindAsync(client, name, type, size, context).ConfigureAwait(false);
            if (obj is null)
            {
                errors.Add(type switch
                {
                    ContainerType => $"Error: No such container: {name}",
                    ImageType => $"Error: No such image: {name}",
                    _ => $"Error: No such object: {name}",
                });
                continue;
            }
            found.Add(obj);
        }
        return await InspectOutput.WriteAsync(invocation, template, found, errors).ConfigureAwait(false);
    }

    private static async Task<JsonObject?> FindAsync(WharfClient client, string name, string? type, bool size, CliContext context)
    {
        if (type is null or "" or ContainerType)
        {
            try
            {
                return await client.InspectContainerAsync(name, size, context.Cancellation).ConfigureAwait(false);
            }
            catch (DaemonErrorException e) when (e.IsNotFound)
            {
                if (type == ContainerType)
                {
                    return null;
                }
            }
        }
        try
        {
            return await client.InspectImageAsync(name, context.Cancellation).ConfigureAwait(false);
        }
        catch (DaemonErrorException e) when (e.IsNotFound)
        {
            return null;
        }
    }
}
