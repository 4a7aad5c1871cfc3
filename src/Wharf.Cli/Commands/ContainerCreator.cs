using System.Text.Json.Nodes;
using Wharf.Api.Client;

namespace Wharf.Cli.Commands;

/// <summary>docker's <c>createContainer</c>: create, and when the image is missing print "Unable to find image", pull and retry.</summary>
internal static class ContainerCreator
{
    /// <summary>Creates the container and returns its ID; warnings go to stderr.</summary>
    public static async Task<string> CreateAsync(WharfClient client, JsonObject body, string? name, string? platform, string image, string pullPolicy, bool quiet, CliContext context)
    {
        if (pullPolicy is not ("missing" or "always" or "never"))
        {
            throw new FormatException($"invalid pull option: '{pullPolicy}': must be one of \"always\", \"missing\" or \"never\"");
        }
        if (pullPolicy == "always")
        {
            await ImagePuller.PullAsync(client, image, platform, quiet ? null : context.Err, context.Cancellation).ConfigureAwait(false);
        }
        (string Id, IReadOnlyList<string> Warnings) created;
        try
        {
            created = await client.CreateContainerAsync(body, name, platform, context.Cancellation).ConfigureAwait(false);
        }
        catch (DaemonErrorException e) when (e.IsNotFound && pullPolicy == "missing" && e.Message.Contains("image", StringComparison.OrdinalIgnoreCase))
        {
            context.Err.WriteLine($"Unable to find image '{ImagePuller.FamiliarWithTag(image)}' locally");
            await ImagePuller.PullAsync(client, image, platform, quiet ? null : context.Err, context.Cancellation).ConfigureAwait(false);
            created = await client.CreateContainerAsync((JsonObject)body.DeepClone(), name, platform, context.Cancellation).ConfigureAwait(false);
        }
        foreach (var warning in created.Warnings)
        {
            context.Err.WriteLine("WARNING: " + warning);
        }
        return created.Id;
    }
}
