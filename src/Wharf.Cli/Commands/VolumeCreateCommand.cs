using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf volume create</c>: creates a volume and prints its name.</summary>
internal sealed class VolumeCreateCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "create";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] [VOLUME]";

    /// <inheritdoc/>
    public override string Description => "Create a volume";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.Range(0, 1);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .String("driver", 'd', "Specify volume driver name", "local")
        .List("label", null, "Set metadata for a volume")
        .String("name", null, "Specify volume name")
        .List("opt", 'o', "Set driver specific options", valueType: "map");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var flags = invocation.Flags;
        var name = flags.GetString("name");
        if (invocation.Args.Count == 1)
        {
            if (name.Length > 0 && name != invocation.Args[0])
            {
                throw new StatusException(1, "conflicting options: either specify --name or provide positional arg, not both");
            }
            name = invocation.Args[0];
        }
        var client = await invocation.Context.GetClientAsync().ConfigureAwait(false);
        var volume = await client.CreateVolumeAsync(name, flags.GetString("driver"), VolumeCliSupport.KeyValues(flags.GetList("label")),
            VolumeCliSupport.KeyValues(flags.GetList("opt")), invocation.Context.Cancellation).ConfigureAwait(false);
        invocation.Out.WriteLine(VolumeCliSupport.Str(volume["Name"]));
        return 0;
    }
}
