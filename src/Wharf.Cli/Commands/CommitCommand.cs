using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf commit</c>: a new image from a container's changes; prints its ID.</summary>
internal sealed class CommitCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "commit";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] CONTAINER [REPOSITORY[:TAG]]";

    /// <inheritdoc/>
    public override string Description => "Create a new image from a container's changes";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.Range(1, 2);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .String("author", 'a', "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")")
        .List("change", 'c', "Apply Dockerfile instruction to the created image", valueType: "list")
        .String("message", 'm', "Commit message")
        .Bool("pause", 'p', "Pause container during commit", defaultValue: true);

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var context = invocation.Context;
        string? repository = null;
        string? tag = null;
        if (invocation.Args.Count == 2)
        {
            (repository, tag) = SplitReference(invocation.Args[1]);
        }
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var id = await client.CommitContainerAsync(invocation.Args[0], repository, tag, invocation.Flags.GetStringOrNull("message"),
            invocation.Flags.GetStringOrNull("author"), invocation.Flags.GetBool("pause"), invocation.Flags.GetList("change"), context.Cancellation).ConfigureAwait(false);
        invocation.Out.WriteLine(id);
        return 0;
    }

    /// <summary>Splits <c>REPOSITORY[:TAG]</c> (a colon after the last slash is the tag); digests are refused as docker does.</summary>
    public static (string Repository, string? Tag) SplitReference(string reference)
    {
        if (reference.Contains('@'))
        {
            throw new StatusException(1, "refusing to create a tag with a digest reference");
        }
        var colon = reference.LastIndexOf(':');
        return colon > reference.LastIndexOf('/') ? (reference[..colon], reference[(colon + 1)..]) : (reference, null);
    }
}
