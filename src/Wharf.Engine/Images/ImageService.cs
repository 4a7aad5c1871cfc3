using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Wharf.Core.Digests;
using Wharf.Core.Errors;
using Wharf.Core.Oci;
using Wharf.Core.References;
using Wharf.Engine.Content;
using Wharf.Engine.Metadata;
using Wharf.Engine.Snapshots;

namespace Wharf.Engine.Images;

/// <summary>
/// The image operations behind the Engine API with Docker's semantics: resolve, list (filters, <c>all</c>), tag,
/// remove (untag vs delete, conflicts with containers), import, and crash recovery at startup.
/// </summary>
public sealed partial class ImageService
{
    /// <summary>Prefix of the temporary snapshot keys layers are unpacked into; removed by <see cref="Recover"/>.</summary>
    public const string ExtractKeyPrefix = "extract-";

    private static readonly HashSet<string> ListFilters = new(StringComparer.Ordinal) { "dangling", "label", "label!", "before", "since", "reference", "until" };

    /// <summary>Creates the service over an image store; <paramref name="usage"/> tells which containers use an image.</summary>
    public ImageService(ImageStore store, IImageUsage? usage = null)
    {
        Store = store;
        Usage = usage;
    }

    /// <summary>Creates the service and its store from the shared parts.</summary>
    public ImageService(MetadataDatabase database, ContentStore content, ISnapshotter snapshotter, IImageUsage? usage = null)
        : this(new ImageStore(database, content, snapshotter), usage)
    {
    }

    /// <summary>The underlying store.</summary>
    public ImageStore Store { get; }

    /// <summary>Which containers use an image (set by the container service once it exists).</summary>
    public IImageUsage? Usage { get; set; }

    /// <summary>Where tag, untag, delete and import events go (none when null).</summary>
    public Wharf.Engine.Events.IEventPublisher? Events { get; set; }

    /// <summary>Time source (tests pin it).</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>Resolves as Docker does; throws <c>NotFoundException("No such image: …")</c>.</summary>
    public ImageRecord Resolve(string nameOrId) => Store.Resolve(nameOrId);

    /// <summary>Resolves as Docker does; null when missing.</summary>
    public ImageRecord? TryResolve(string nameOrId) => Store.TryResolve(nameOrId);

    /// <summary>
    /// <c>docker images</c>: newest first. Untagged parents of other images are hidden unless <see cref="ImageListOptions.All"/>;
    /// with a <c>reference</c> filter each record's tags/digests are only the matching ones.
    /// </summary>
    public IReadOnlyList<ImageRecord> List(ImageListOptions? options = null)
    {
        options ??= new ImageListOptions();
        foreach (var key in options.Filters.Keys)
        {
            if (!ListFilters.Contains(key))
            {
                throw new InvalidArgumentException($"invalid filter '{key}'");
            }
        }
        var filters = options.Filters;
        bool? dangling = null;
        if (filters.TryGetValue("dangling", out var danglingValues) && danglingValues.Count > 0)
        {
            foreach (var value in danglingValues)
            {
                var parsed = value.ToLowerInvariant() switch
                {
                    "true" or "1" => true,
                    "false" or "0" => false,
                    _ => throw new InvalidArgumentException($"invalid filter 'dangling={value}'"),
                };
                if (dangling is { } previous && previous != parsed)
                {
                    throw new InvalidArgumentException("invalid filter 'dangling': conflicting values");
                }
                dangling = parsed;
            }
        }
        var before = Get(filters, "before").Select(r => Resolve(r).Created).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        var since = Get(filters, "since").Select(r => Resolve(r).Created).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
        var until = Get(filters, "until").Select(ParseTimestamp).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        var labels = Get(filters, "label");
        var notLabels = Get(filters, "label!");
        var patterns = Get(filters, "reference");

        var all = Store.List();
        var parents = all.Where(i => i.Parent is not null).Select(i => i.Parent!.Value).ToHashSet();
        var result = new List<ImageRecord>();
        foreach (var image in all)
        {
            var hasChildren = parents.Contains(image.Id);
            if (dangling == true && hasChildren)
            {
                continue;
            }
            if (image.Created >= before || image.Created <= since || image.Created > until)
            {
                continue;
            }
            if (!labels.All(l => MatchesLabel(image, l)) || notLabels.Any(l => MatchesLabel(image, l)))
            {
                continue;
            }
            var tags = image.RepoTags.Where(t => MatchesAny(patterns, t)).ToList();
            var digests = image.RepoDigests.Where(d => MatchesAny(patterns, d)).ToList();
            if (tags.Count == 0 && digests.Count == 0)
            {
                if (!options.All && hasChildren)
                {
                    continue; // An intermediate image.
                }
                if (dangling == false || patterns.Count > 0)
                {
                    continue;
                }
            }
            else if (dangling == true && tags.Count > 0)
            {
                continue;
            }
            result.Add(image with { RepoTags = tags, RepoDigests = digests });
        }
        return result;
    }

    /// <summary><c>docker tag SOURCE TARGET</c>: points <paramref name="target"/> (default tag <c>latest</c>) at the image <paramref name="source"/> resolves to.</summary>
    public ImageRecord Tag(string source, string target)
    {
        var image = Resolve(source);
        var reference = ParseTagTarget(target);
        Store.SetReference(reference, image.Id);
        Wharf.Engine.Events.ImageEvents.Publish(Events, "tag", image, reference.FamiliarString());
        return Store.Get(image.Id)!;
    }

    /// <summary>
    /// <c>docker rmi</c> with Docker's rules: a name removes that reference and deletes the image only when it was the
    /// last one; an ID deletes the image (and its references when they are all of one repository, or with
    /// <paramref name="force"/>). Containers using the image refuse the removal (running ones even with force).
    /// Deleting releases the config blob and the layer snapshots no other image uses, and — unless
    /// <paramref name="noPrune"/> — untagged parents.
    /// </summary>
    public IReadOnlyList<ImageDeleteEntry> Remove(string nameOrId, bool force = false, bool noPrune = false)
    {
        var image = Resolve(nameOrId);
        var id = image.Id;
        var records = new List<ImageDeleteEntry>();
        var references = Store.References(id);
        var removedRepositoryReference = false;
        if (!IsImageIdPrefix(id, nameOrId))
        {
            var user = Usage?.ContainersUsing(id.ToString(), runningOnly: false).FirstOrDefault();
            if (user is not null && !force && references.Count == 1)
            {
                throw new ConflictException($"conflict: unable to remove repository reference \"{nameOrId}\" (must force) - container {Short(user)} is using its referenced image {id.Short}");
            }
            var parsed = ImageReference.Parse(nameOrId);
            parsed = parsed.IsNameOnly ? parsed.WithDefaultTag() : parsed;
            if (parsed.Digest is not null && parsed.Tag is not null)
            {
                parsed = parsed.WithoutTagOrDigest().WithDigest(parsed.Digest.Value);
            }
            if (!Store.RemoveReference(parsed))
            {
                throw new NotFoundException($"No such image: {parsed.FamiliarString()}");
            }
            records.Add(ImageDeleteEntry.ForUntagged(parsed.FamiliarString()));
            references = Store.References(id);
            if (parsed.Digest is null && !references.Any(r => r.Digest is null && r.Name == parsed.Name))
            {
                // The last tag of a repository goes with that repository's digest references.
                foreach (var reference in references.Where(r => r.Digest is not null && r.Name == parsed.Name))
                {
                    Store.RemoveReference(reference);
                    records.Add(ImageDeleteEntry.ForUntagged(reference.FamiliarString()));
                }
                references = Store.References(id);
            }
            if (references.Count > 0)
            {
                Wharf.Engine.Events.ImageEvents.PublishRemoval(Events, image, records);
                return records;
            }
            removedRepositoryReference = true;
        }
        else if (IsSingleReference(references))
        {
            var conflict = CheckConflict(id, force ? Conflicts.Hard : Conflicts.Hard | Conflicts.StoppedContainer);
            if (conflict is not null)
            {
                throw new ConflictException(conflict.Message);
            }
            foreach (var reference in references)
            {
                Store.RemoveReference(reference);
                records.Add(ImageDeleteEntry.ForUntagged(reference.FamiliarString()));
            }
        }
        DeleteImage(id, records, force, prune: !noPrune, quiet: removedRepositoryReference);
        Wharf.Engine.Events.ImageEvents.PublishRemoval(Events, image, records);
        return records;
    }

    /// <summary>
    /// <c>docker import</c>: unpacks the (possibly compressed) tar as one layer, builds a config (host platform unless
    /// <see cref="ImportOptions.Platform"/>, the changes applied, history with the message), stores it and tags it.
    /// A bad change, reference or tar leaves nothing behind: no snapshot, no row, no blob.
    /// </summary>
    public async Task<ImageRecord> ImportAsync(Stream tar, ImportOptions options, CancellationToken cancellationToken = default)
    {
        ImageReference? reference = null;
        if (!string.IsNullOrEmpty(options.Repository))
        {
            reference = ImageReference.ParseRepository(options.Repository, options.Tag);
            if (reference.Digest is not null)
            {
                throw new InvalidArgumentException("cannot import digest reference");
            }
            reference = reference.WithDefaultTag();
        }
        var runtimeConfig = ImageChanges.Apply(new ImageRuntimeConfig(), options.Changes);
        var (os, architecture, variant) = ParsePlatform(options.Platform);

        var imported = await AddWithLayerAsync(tar, null, applied => applied.DiffId /* One layer: its chain ID is its DiffID. */, applied =>
        {
            var created = Clock().ToUniversalTime();
            var comment = string.IsNullOrEmpty(options.Message) ? "Imported from " + options.Source : options.Message;
            var config = new ImageConfig
            {
                Created = created,
                Architecture = architecture,
                Os = os,
                Variant = variant,
                Config = runtimeConfig,
                Comment = comment,
                RootFs = new RootFs { DiffIds = [applied.DiffId.ToString()] },
                History = [new HistoryEntry { Created = created, Comment = comment }],
            };
            var json = JsonSerializer.SerializeToUtf8Bytes(config, CoreJsonContext.Default.ImageConfig);
            return Store.Add(json, parent: null, reference is null ? null : [reference]);
        }, cancellationToken).ConfigureAwait(false);
        Wharf.Engine.Events.ImageEvents.Publish(Events, "import", imported);
        return imported;
    }

    /// <summary>
    /// Startup clean-up after a crash: unfinished layer unpacks, snapshot directories without a row, partial content
    /// writes, committed layers no image uses, layer rows without their snapshot, and missing config blobs (rewritten from the database).
    /// </summary>
    public RecoveryReport Recover()
    {
        var snapshotter = Store.Snapshotter;
        var report = new RecoveryReport();
        foreach (var key in snapshotter.List().Where(k => k.StartsWith(ExtractKeyPrefix, StringComparison.Ordinal)))
        {
            try
            {
                snapshotter.Remove(key);
                report.RemovedSnapshots++;
            }
            catch (WharfException)
            {
            }
        }
        report.RemovedOrphanDirectories = snapshotter.Cleanup();
        report.RemovedIngests = Store.Content.CleanupIngests();

        var images = Store.List();
        var used = images.SelectMany(i => i.ChainIds).Select(c => c.ToString()).ToHashSet(StringComparer.Ordinal);
        bool progress;
        do
        {
            progress = false;
            foreach (var name in snapshotter.List().Where(n => n.StartsWith("sha256:", StringComparison.Ordinal) && !used.Contains(n)))
            {
                if (snapshotter.Stat(name) is not { Kind: SnapshotKind.Committed })
                {
                    continue;
                }
                try
                {
                    snapshotter.Remove(name);
                    report.RemovedSnapshots++;
                    progress = true;
                }
                catch (ConflictException)
                {
                }
            }
        }
        while (progress);
        foreach (var layer in Store.RecordedLayers().Where(l => !snapshotter.Exists(l.ToString())))
        {
            Store.ReleaseLayers([layer]);
        }
        foreach (var image in images)
        {
            if (!Store.Content.Exists(image.Id) && Store.ConfigBytes(image.Id) is { } bytes)
            {
                Store.Content.Write(bytes, image.Id);
            }
        }
        return report;
    }

    /// <summary>Asynchronous <see cref="Recover"/>.</summary>
    public Task<RecoveryReport> RecoverAsync(CancellationToken cancellationToken = default) => Task.Run(Recover, cancellationToken);

    private void DeleteImage(Digest id, List<ImageDeleteEntry> records, bool force, bool prune, bool quiet)
    {
        var mask = Conflicts.Hard | (force ? Conflicts.None : Conflicts.Soft);
        var conflict = CheckConflict(id, mask);
        if (conflict is not null)
        {
            if (quiet && (!IsDangling(id) || conflict.Used))
            {
                return; // Untagging already succeeded; the image stays because something still needs it.
            }
            throw new ConflictException(conflict.Message);
        }
        var image = Store.Get(id);
        if (image is null)
        {
            return;
        }
        foreach (var reference in Store.References(id))
        {
            Store.RemoveReference(reference);
            records.Add(ImageDeleteEntry.ForUntagged(reference.FamiliarString()));
        }
        var released = Store.Delete(id);
        records.Add(ImageDeleteEntry.ForDeleted(id.ToString()));
        records.AddRange(released.Select(l => ImageDeleteEntry.ForDeleted(l.ToString())));
        if (prune && image.Parent is { } parent && Store.Get(parent) is not null)
        {
            DeleteImage(parent, records, force: false, prune: true, quiet: true);
        }
    }

    private DeleteConflict? CheckConflict(Digest id, Conflicts mask)
    {
        var id12 = id.Short;
        if (mask.HasFlag(Conflicts.DependentChild) && Store.Children(id).Count > 0)
        {
            return new DeleteConflict($"conflict: unable to delete {id12} (cannot be forced) - image has dependent child images", Used: false);
        }
        var all = Usage?.ContainersUsing(id.ToString(), runningOnly: false) ?? [];
        var running = all.Count == 0 ? [] : Usage!.ContainersUsing(id.ToString(), runningOnly: true);
        if (mask.HasFlag(Conflicts.RunningContainer) && running.Count > 0)
        {
            return new DeleteConflict($"conflict: unable to delete {id12} (cannot be forced) - image is being used by running container {Short(running[0])}", Used: true);
        }
        if (mask.HasFlag(Conflicts.ActiveReference) && Store.References(id).Count > 0)
        {
            return new DeleteConflict($"conflict: unable to delete {id12} (must be forced) - image is referenced in multiple repositories", Used: false);
        }
        if (mask.HasFlag(Conflicts.StoppedContainer))
        {
            var stopped = all.FirstOrDefault(c => !running.Contains(c));
            if (stopped is not null)
            {
                return new DeleteConflict($"conflict: unable to delete {id12} (must be forced) - image is being used by stopped container {Short(stopped)}", Used: true);
            }
        }
        return null;
    }

    private bool IsDangling(Digest id) => Store.References(id).Count == 0 && Store.Children(id).Count == 0;

    private static bool IsImageIdPrefix(Digest id, string value) =>
        id.ToString().StartsWith(value, StringComparison.Ordinal) || id.Hex.StartsWith(value, StringComparison.Ordinal);

    /// <summary>At most one tag, and any digest references in that same repository.</summary>
    private static bool IsSingleReference(IReadOnlyList<ImageReference> references)
    {
        if (references.Count <= 1)
        {
            return references.Count == 1;
        }
        ImageReference? single = null;
        var digestRepositories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            if (reference.Digest is not null)
            {
                digestRepositories.Add(reference.Name);
            }
            else if (single is null)
            {
                single = reference;
            }
            else
            {
                return false;
            }
        }
        single ??= references[0];
        return digestRepositories.Count == 1 && digestRepositories.Contains(single.Name);
    }

    private static ImageReference ParseTagTarget(string target)
    {
        var reference = ImageReference.Parse(target);
        if (reference.Digest is not null)
        {
            throw new InvalidArgumentException("refusing to create a tag with a digest reference");
        }
        if (reference.Path == "sha256" || (reference.FamiliarName.Length == 64 && reference.FamiliarName.All(char.IsAsciiHexDigitLower)))
        {
            throw new InvalidArgumentException($"invalid repository name ({reference.FamiliarName}), cannot specify 64-byte hexadecimal strings");
        }
        return reference.WithDefaultTag();
    }

    private static IReadOnlyList<string> Get(IReadOnlyDictionary<string, IReadOnlyList<string>> filters, string key) =>
        filters.TryGetValue(key, out var values) ? values : [];

    private static bool MatchesLabel(ImageRecord image, string filter)
    {
        var equals = filter.IndexOf('=');
        if (equals < 0)
        {
            return image.Labels.ContainsKey(filter);
        }
        return image.Labels.TryGetValue(filter[..equals], out var value) && value == filter[(equals + 1)..];
    }

    private static bool MatchesAny(IReadOnlyList<string> patterns, string stored)
    {
        if (patterns.Count == 0)
        {
            return true;
        }
        var reference = ImageReference.Parse(stored);
        foreach (var pattern in patterns)
        {
            try
            {
                if (GlobPattern.Match(pattern, reference.FamiliarString()) || GlobPattern.Match(pattern, reference.FamiliarName))
                {
                    return true;
                }
            }
            catch (FormatException e)
            {
                throw new InvalidArgumentException($"invalid filter 'reference={pattern}': {e.Message}");
            }
        }
        return false;
    }

    private static DateTimeOffset ParseTimestamp(string value)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return DateTimeOffset.UnixEpoch.AddSeconds(seconds);
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }
        throw new InvalidArgumentException($"failed to parse value as time or duration: \"{value}\"");
    }

    private static (string Os, string Architecture, string? Variant) ParsePlatform(string? platform)
    {
        if (string.IsNullOrEmpty(platform))
        {
            return ("linux", HostArchitecture(), RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "v8" : null);
        }
        var parts = platform.ToLowerInvariant().Split('/');
        if (parts.Length is < 1 or > 3 || parts.Any(p => p.Length == 0))
        {
            throw new InvalidArgumentException($"\"{platform}\": unknown operating system or architecture: invalid argument");
        }
        if (parts[0] != "linux")
        {
            throw new InvalidArgumentException($"operating system is not supported: {parts[0]}");
        }
        var architecture = parts.Length > 1 ? NormalizeArchitecture(parts[1]) : HostArchitecture();
        return ("linux", architecture, parts.Length > 2 ? parts[2] : null);
    }

    private static string NormalizeArchitecture(string architecture) => architecture switch
    {
        "x86_64" or "x86-64" => "amd64",
        "aarch64" => "arm64",
        "i386" => "386",
        _ => architecture,
    };

    private static string HostArchitecture() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        Architecture.Arm => "arm",
        Architecture.X86 => "386",
        Architecture.S390x => "s390x",
        Architecture.Ppc64le => "ppc64le",
        Architecture.RiscV64 => "riscv64",
        Architecture.LoongArch64 => "loong64",
        _ => RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
    };

    private static string Short(string id)
    {
        var hex = id.StartsWith("sha256:", StringComparison.Ordinal) ? id[7..] : id;
        return hex.Length > 12 ? hex[..12] : hex;
    }

    [Flags]
    private enum Conflicts
    {
        None = 0,
        DependentChild = 1,
        RunningContainer = 2,
        ActiveReference = 4,
        StoppedContainer = 8,
        Hard = DependentChild | RunningContainer,
        Soft = ActiveReference | StoppedContainer,
    }

    private sealed record DeleteConflict(string Message, bool Used);
}
