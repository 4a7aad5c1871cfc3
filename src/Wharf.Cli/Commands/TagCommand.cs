using Wharf.Cli.Parsing;
using Wharf.Core.References;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf tag</c>: adds a repository:tag to an image.</summary>
internal sealed class TagCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "tag";

    /// <inheritdoc/>
    public override string Usage => "SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]";

    /// <inheritdoc/>
    public override string Description => "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.Exactly(2);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags)
    {
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var target = invocation.Args[1];
        if (!ImageReference.TryParse(target, out var reference, out var error))
        {
            throw new StatusException(1, $"Error parsing reference: \"{target}\" is not a valid repository/tag: {error}");
        }
        if (reference.Digest is not null)
        {
            throw new StatusException(1, "refusing to create a tag with a digest reference");
        }
        var client = await invocation.Context.GetClientAsync().ConfigureAwait(false);
        await client.TagImageAsync(invocation.Args[0], reference.Name, reference.Tag ?? ImageReference.DefaultTag, invocation.Context.Cancellation).ConfigureAwait(false);
        return 0;
    }
}
