using System.Text;
using System.Text.Json.Nodes;

namespace Wharf.Cli.Commands;

/// <summary>What one prune call removed: the bytes freed and docker's "Deleted …:" listing (empty when nothing went).</summary>
internal sealed record PruneReport(long Reclaimed, string Listing)
{
    /// <summary>Nothing removed.</summary>
    public static PruneReport None { get; } = new(0, "");

    /// <summary>Reads a prune response whose <paramref name="deletedKey"/> lists names or IDs, listed under <paramref name="title"/>.</summary>
    public static PruneReport Of(JsonObject response, string deletedKey, string title)
    {
        if (response[deletedKey] is not JsonArray { Count: > 0 } deleted)
        {
            return None;
        }
        var listing = new StringBuilder(title).Append('\n');
        foreach (var name in deleted)
        {
            listing.Append(VolumeCliSupport.Str(name)).Append('\n');
        }
        return new(SpaceReclaimed(response), listing.ToString());
    }

    /// <summary>The response's <c>SpaceReclaimed</c> (0 when absent).</summary>
    public static long SpaceReclaimed(JsonObject response) => response["SpaceReclaimed"]?.GetValue<long>() ?? 0;
}
