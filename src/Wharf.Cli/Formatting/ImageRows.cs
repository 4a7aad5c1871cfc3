using System.Text.Json.Nodes;
using Wharf.Core.References;

namespace Wharf.Cli.Formatting;

/// <summary>The rows <c>images</c> shows for one image summary: one per repository:tag (and digest), <c>&lt;none&gt;</c> for dangling images.</summary>
internal static class ImageRows
{
    /// <summary>The default <c>images</c> table.</summary>
    public const string DefaultFormat = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";

    /// <summary>The default table with <c>--digests</c>.</summary>
    public const string DigestFormat = "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";

    /// <summary>Column titles by field.</summary>
    public static IReadOnlyDictionary<string, object?> Headers { get; } = new Dictionary<string, object?>
    {
        ["ID"] = "IMAGE ID",
        ["Repository"] = "REPOSITORY",
        ["Tag"] = "TAG",
        ["Digest"] = "DIGEST",
        ["CreatedSince"] = "CREATED",
        ["CreatedAt"] = "CREATED AT",
        ["Size"] = "SIZE",
        ["VirtualSize"] = "SIZE",
        ["SharedSize"] = "SHARED SIZE",
        ["UniqueSize"] = "UNIQUE SIZE",
        ["Containers"] = "CONTAINERS",
    };

    /// <summary>Builds the rows for one <c>GET /images/json</c> entry.</summary>
    public static List<Dictionary<string, object?>> Build(JsonObject image, bool truncate, bool showDigests, DateTimeOffset now)
    {
        var repoTags = Strings(image["RepoTags"]).Where(t => t != "<none>:<none>").ToList();
        var repoDigests = Strings(image["RepoDigests"]).Where(d => d != "<none>@<none>").ToList();
        var rows = new List<Dictionary<string, object?>>();
        if (repoTags.Count == 0 && repoDigests.Count == 0)
        {
            rows.Add(Row(image, "<none>", "<none>", "<none>", truncate, now));
            return rows;
        }
        var tagsByRepo = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var digestsByRepo = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var text in repoTags)
        {
            if (ImageReference.TryParse(text, out var reference, out _) && reference.Tag is { } tag)
            {
                Add(tagsByRepo, reference.FamiliarName, tag);
            }
        }
        foreach (var text in repoDigests)
        {
            if (ImageReference.TryParse(text, out var reference, out _) && reference.Digest is { } digest)
            {
                Add(digestsByRepo, reference.FamiliarName, digest.ToString());
            }
        }
        foreach (var (repo, tags) in tagsByRepo)
        {
            var digests = digestsByRepo.TryGetValue(repo, out var d) ? d : [];
            digestsByRepo.Remove(repo);
            if (!showDigests)
            {
                digests = [];
            }
            foreach (var tag in tags)
            {
                if (digests.Count == 0)
                {
                    rows.Add(Row(image, repo, tag, "<none>", truncate, now));
                    continue;
                }
                rows.AddRange(digests.Select(digest => Row(image, repo, tag, digest, truncate, now)));
            }
        }
        foreach (var (repo, digests) in digestsByRepo)
        {
            if (showDigests)
            {
                rows.AddRange(digests.Select(digest => Row(image, repo, "<none>", digest, truncate, now)));
            }
            else
            {
                rows.Add(Row(image, repo, "<none>", "", truncate, now));
            }
        }
        return rows;
    }

    private static void Add(SortedDictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(value);
    }

    private static Dictionary<string, object?> Row(JsonObject image, string repository, string tag, string digest, bool truncate, DateTimeOffset now)
    {
        var id = image["Id"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
        var created = image["Created"] is JsonValue c && c.TryGetValue<long>(out var seconds) ? seconds : 0;
        var size = image["Size"] is JsonValue sz && sz.TryGetValue<long>(out var bytes) ? bytes : 0;
        var shared = image["SharedSize"] is JsonValue sh && sh.TryGetValue<long>(out var sharedBytes) ? sharedBytes : -1;
        var containers = image["Containers"] is JsonValue ct && ct.TryGetValue<long>(out var count) ? count : -1;
        return new Dictionary<string, object?>
        {
            ["ID"] = truncate ? Truncation.ShortId(id) : id,
            ["Repository"] = repository,
            ["Tag"] = tag,
            ["Digest"] = digest,
            ["CreatedSince"] = HumanUnits.Ago(created, now),
            ["CreatedAt"] = HumanUnits.GoTime(created),
            ["Size"] = HumanUnits.Size(size),
            ["VirtualSize"] = HumanUnits.Size(size),
            ["SharedSize"] = shared < 0 ? "N/A" : HumanUnits.Size(shared),
            ["UniqueSize"] = shared < 0 ? "N/A" : HumanUnits.Size(size - shared),
            ["Containers"] = containers < 0 ? "N/A" : containers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(e => e is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").Where(s => s.Length > 0) : [];
}
