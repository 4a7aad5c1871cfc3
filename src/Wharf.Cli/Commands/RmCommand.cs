using Wharf.Api.Client;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf rm</c>: removes containers, printing each argument that succeeded.</summary>
internal sealed class RmCommand : PerTargetCommand
{
    /// <inheritdoc/>
    public override string Name => "rm";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] CONTAINER [CONTAINER...]";

    /// <inheritdoc/>
    public override string Description => "Remove one or more containers";

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .Bool("force", 'f', "Force the removal of a running container (uses SIGKILL)")
        .Bool("link", 'l', "Remove the specified link")
        .Bool("volumes", 'v', "Remove anonymous volumes associated with the container");

    /// <inheritdoc/>
    protected override async Task<string?> ApplyAsync(WharfClient client, string target, ParsedFlags flags, CancellationToken ct)
    {
        var trimmed = target.Trim('/');
        if (trimmed.Length == 0)
        {
            throw new StatusException(1, "Container name cannot be empty");
        }
        await client.RemoveContainerAsync(trimmed, flags.GetBool("force"), flags.GetBool("volumes"), ct).ConfigureAwait(false);
        return target;
    }
}
