using System.Globalization;
using Wharf.Core.Digests;
using Wharf.Core.Errors;

namespace Wharf.Engine.Images;

public sealed partial class ImageService
{
    private static readonly HashSet<string> PruneFilters = new(StringComparer.Ordinal) { "dangling", "until", "label", "label!" };

    /// <summary>
    /// <c>POST /images/prune</c>: removes unused images — only dangling ones (no tag or digest reference) unless the filter
    /// <c>dangling=false</c> asks for every image no container uses — among those no other image builds on, repeatedly, so
    /// untagged parents go too. Filters: <c>until</c>, <c>label</c>, <c>label!</c>.
    /// </summary>
    public ImagePruneResult Prune(IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        foreach (var key in filters.Keys)
        {
            if (!PruneFilters.Contains(key))
            {
                throw new InvalidArgumentException($"invalid filter '{key}'");
            }
        }
        var danglingOnly = true;
        foreach (var value in Get(filters, "dangling"))
        {
            danglingOnly = value.ToLowerInvariant() switch
            {
                "true" or "1" => true,
                "false" or "0" => false,
                _ => throw new InvalidArgumentException($"invalid filter 'dangling={value}'"),
            };
        }
        var until = Get(filters, "until").Select(ParseUntil).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        var labels = Get(filters, "label");
        var notLabels = Get(filters, "label!");

        var deleted = new List<ImageDeleteEntry>();
        var layerSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var skipped = new HashSet<Digest>();
        bool progress;
        do
        {
            progress = false;
            foreach (var image in Store.List())
            {
                if (skipped.Contains(image.Id) || Store.Children(image.Id).Count > 0)
                {
                    continue;
                }
                var references = Store.References(image.Id);
                if ((danglingOnly && references.Count > 0) || image.Created >= until
                    || !labels.All(l => MatchesLabel(image, l)) || notLabels.Any(l => MatchesLabel(image, l))
                    || Usage?.ContainersUsing(image.Id.ToString(), runningOnly: false).Count > 0)
                {
                    skipped.Add(image.Id);
                    continue;
                }
                foreach (var chain in image.ChainIds)
                {
                    layerSizes.TryAdd(chain.ToString(), Store.Snapshotter.Stat(chain.ToString())?.Size ?? 0);
                }
                try
                {
                    if (references.Count == 0)
                    {
                        deleted.AddRange(Remove(image.Id.ToString()));
                    }
                    else
                    {
                        foreach (var reference in references)
                        {
                            deleted.AddRange(Remove(reference.FamiliarString()));
                        }
                    }
                    progress = true;
                }
                catch (WharfException)
                {
                    // Used or changed meanwhile: not ours to prune.
                    skipped.Add(image.Id);
                }
            }
        }
        while (progress);
        var reclaimed = deleted.Where(d => d.Deleted is not null).Sum(d => layerSizes.GetValueOrDefault(d.Deleted!));
        return new ImagePruneResult(deleted, reclaimed);
    }

    /// <summary>
    /// <c>GET /system/df</c> for images: the bytes of all unpacked layers (each counted once), and per image the bytes it
    /// shares with other images and how many containers use it.
    /// </summary>
    public (long LayersSize, IReadOnlyList<ImageDiskUsage> Images) DiskUsage()
    {
        var images = Store.List();
        var users = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chain in images.SelectMany(i => i.ChainIds).Select(c => c.ToString()))
        {
            users[chain] = users.GetValueOrDefault(chain) + 1;
        }
        var sizes = users.Keys.ToDictionary(c => c, c => Store.Snapshotter.Stat(c)?.Size ?? 0, StringComparer.Ordinal);
        var result = images.Select(i => new ImageDiskUsage(i,
            i.ChainIds.Select(c => c.ToString()).Where(c => users[c] > 1).Sum(c => sizes[c]),
            Usage?.ContainersUsing(i.Id.ToString(), runningOnly: false).Count ?? 0)).ToList();
        var layersSize = Store.RecordedLayers().Select(l => l.ToString()).Distinct().Sum(c => sizes.TryGetValue(c, out var s) ? s : Store.Snapshotter.Stat(c)?.Size ?? 0);
        return (layersSize, result);
    }

    private DateTimeOffset ParseUntil(string value)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return DateTimeOffset.UnixEpoch.AddSeconds(seconds);
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }
        if (Containers.Archive.GoDuration.TryParse(value, out var ago))
        {
            return Clock() - ago;
        }
        throw new InvalidArgumentException($"invalid filter 'until={value}'");
    }
}
