using Wharf.Core.Errors;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>Removes every stopped container matching <paramref name="filters"/> (<c>label</c>, <c>label!</c>, <c>until</c>); returns their IDs and the bytes freed.</summary>
    public async Task<(IReadOnlyList<string> Deleted, long SpaceReclaimed)> PruneAsync(
        IReadOnlyDictionary<string, IReadOnlyList<string>>? filters = null, CancellationToken ct = default)
    {
        filters ??= new Dictionary<string, IReadOnlyList<string>>();
        foreach (var key in filters.Keys)
        {
            if (key is not ("label" or "label!" or "until"))
            {
                throw new InvalidArgumentException($"invalid filter '{key}'");
            }
        }
        DateTimeOffset? until = filters.TryGetValue("until", out var untilValues) && untilValues.Count > 0 ? ParseUntil(untilValues[0]) : null;
        var deleted = new List<string>();
        long reclaimed = 0;
        foreach (var container in _store.List())
        {
            ct.ThrowIfCancellationRequested();
            var labels = container.Config.Labels ?? new Dictionary<string, string>();
            if (container.State.Running
                || (until is { } limit && container.Created >= limit)
                || (filters.TryGetValue("label", out var wanted) && !wanted.All(f => ContainerListFilter.LabelMatches(f, labels)))
                || (filters.TryGetValue("label!", out var unwanted) && unwanted.Any(f => ContainerListFilter.LabelMatches(f, labels))))
            {
                continue;
            }
            long size = 0;
            try
            {
                size = _snapshotter.Usage(container.Id);
            }
            catch (Exception e) when (e is WharfException or IOException)
            {
            }
            try
            {
                await RemoveAsync(container.Id, force: false, removeVolumes: false, ct).ConfigureAwait(false);
                deleted.Add(container.Id);
                reclaimed += size;
            }
            catch (WharfException)
            {
                // Started or removed meanwhile: not ours to prune.
            }
        }
        return (deleted, reclaimed);
    }

    private static DateTimeOffset ParseUntil(string value)
    {
        if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return DateTimeOffset.UnixEpoch.AddSeconds(seconds);
        }
        if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }
        if (TryParseGoDuration(value, out var ago))
        {
            return DateTimeOffset.UtcNow - ago;
        }
        throw new InvalidArgumentException($"invalid filter 'until={value}'");
    }

    /// <summary>Go durations as Docker's <c>until=24h</c> uses them: a sequence of number+unit (h, m, s, ms).</summary>
    private static bool TryParseGoDuration(string value, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = System.Text.RegularExpressions.Regex.Matches(value, @"(\d+(?:\.\d+)?)(ms|h|m|s)");
        if (match.Count == 0 || string.Concat(match.Select(m => m.Value)) != value)
        {
            return false;
        }
        foreach (System.Text.RegularExpressions.Match part in match)
        {
            var number = double.Parse(part.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            duration += part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(number),
                "m" => TimeSpan.FromMinutes(number),
                "s" => TimeSpan.FromSeconds(number),
                _ => TimeSpan.FromMilliseconds(number),
            };
        }
        return true;
    }
}
