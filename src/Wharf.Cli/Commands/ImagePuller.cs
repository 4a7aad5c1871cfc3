using Wharf.Api.Client;
using Wharf.Core.References;

namespace Wharf.Cli.Commands;

/// <summary>Pulls an image as <c>run</c>/<c>create</c> do when the daemon says it is missing: progress on stderr.</summary>
internal static class ImagePuller
{
    /// <summary>The familiar <c>name:tag</c> docker prints in "Unable to find image" (tag defaults to latest).</summary>
    public static string FamiliarWithTag(string image)
    {
        if (!ImageReference.TryParse(image, out var reference, out _))
        {
            return image;
        }
        if (reference.Digest is { } digest)
        {
            return reference.FamiliarName + "@" + digest;
        }
        return reference.FamiliarName + ":" + (reference.Tag ?? ImageReference.DefaultTag);
    }

    /// <summary>Pulls <paramref name="image"/>, writing progress to <paramref name="progress"/> (null: quiet).</summary>
    public static async Task PullAsync(WharfClient client, string image, string? platform, TextWriter? progress, CancellationToken cancellationToken)
    {
        var reference = ImageReference.Parse(image);
        var tag = reference.Digest is { } digest ? digest.ToString() : reference.Tag ?? ImageReference.DefaultTag;
        await using var stream = await client.PullImageAsync(reference.Name, tag, platform, cancellationToken).ConfigureAwait(false);
        await foreach (var message in JsonMessageReader.ReadAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            progress?.Write(JsonMessageReader.Render(message));
        }
        progress?.Flush();
    }
}
