using System.Diagnostics.CodeAnalysis;
using Wharf.Core.Digests;
using Wharf.Core.Errors;

namespace Wharf.Core.References;

/// <summary>
/// A normalised image reference <c>domain/path[:tag][@digest]</c>, parsed as docker/distribution's
/// <c>ParseNormalizedNamed</c> does: <c>busybox</c> is <c>docker.io/library/busybox</c>.
/// </summary>
public sealed class ImageReference : IEquatable<ImageReference>
{
    /// <summary>The registry domain used when a name has none.</summary>
    public const string DefaultDomain = "docker.io";

    /// <summary>The legacy Docker Hub domain, canonicalised to <see cref="DefaultDomain"/>.</summary>
    public const string LegacyDefaultDomain = "index.docker.io";

    /// <summary>The namespace of Docker Hub's official images.</summary>
    public const string OfficialRepositoryPrefix = "library/";

    /// <summary>The tag added by <see cref="WithDefaultTag"/>.</summary>
    public const string DefaultTag = "latest";

    /// <summary>The longest repository path accepted.</summary>
    public const int MaxPathLength = 255;

    private const string InvalidFormat = "invalid reference format";

    private ImageReference(string domain, string path, string? tag, Digest? digest)
    {
        Domain = domain;
        Path = path;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The registry host (and port), e.g. <c>docker.io</c> or <c>localhost:5000</c>.</summary>
    public string Domain { get; }

    /// <summary>The repository path inside the registry, e.g. <c>library/busybox</c>.</summary>
    public string Path { get; }

    /// <summary>The full repository name <c>domain/path</c>.</summary>
    public string Name => Domain + "/" + Path;

    /// <summary>The tag, or null when the reference has none.</summary>
    public string? Tag { get; }

    /// <summary>The digest, or null when the reference has none.</summary>
    public Digest? Digest { get; }

    /// <summary>True when the reference has neither a tag nor a digest.</summary>
    public bool IsNameOnly => Tag is null && Digest is null;

    /// <summary>The repository name as Docker shows it: <c>docker.io/library/</c> and <c>docker.io/</c> stripped.</summary>
    public string FamiliarName
    {
        get
        {
            if (Domain != DefaultDomain)
            {
                return Name;
            }
            if (Path.StartsWith(OfficialRepositoryPrefix, StringComparison.Ordinal))
            {
                var rest = Path[OfficialRepositoryPrefix.Length..];
                if (!rest.Contains('/'))
                {
                    return rest;
                }
            }
            return Path;
        }
    }

    /// <summary>Parses and normalises a reference; no default tag is added. Throws <see cref="InvalidArgumentException"/>.</summary>
    public static ImageReference Parse(string value)
    {
        if (!TryParse(value, out var reference, out var error))
        {
            throw new InvalidArgumentException(error);
        }
        return reference;
    }

    /// <summary>Parses and normalises a reference without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out ImageReference? reference)
        => TryParse(value, out reference, out _);

    /// <summary>Parses and normalises a reference without throwing; <paramref name="error"/> has Docker's message on failure.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out ImageReference? reference, out string error)
    {
        reference = null;
        value ??= "";
        if (ReferenceGrammar.AnchoredIdentifier().IsMatch(value))
        {
            error = $"invalid repository name ({value}), cannot specify 64-byte hexadecimal strings";
            return false;
        }
        var (domain, remainder) = SplitDockerDomain(value);
        var tagSeparator = remainder.IndexOf(':');
        var remote = tagSeparator >= 0 ? remainder[..tagSeparator] : remainder;
        if (!string.Equals(remote.ToLowerInvariant(), remote, StringComparison.Ordinal))
        {
            error = $"{InvalidFormat}: repository name ({remote}) must be lowercase";
            return false;
        }
        return TryParseCanonical(domain + "/" + remainder, out reference, out error);
    }

    /// <summary>
    /// Builds a reference from a <c>fromImage</c>/<c>repo</c> and <c>tag</c> query pair as the Engine API sends them;
    /// the tag may also be a digest. An empty tag leaves the reference as parsed.
    /// </summary>
    public static ImageReference ParseRepository(string repository, string? tag)
    {
        var reference = Parse(repository);
        if (string.IsNullOrEmpty(tag))
        {
            return reference;
        }
        if (Digests.Digest.TryParse(tag, out var digest))
        {
            return reference.WithoutTagOrDigest().WithDigest(digest);
        }
        return reference.WithTag(tag);
    }

    /// <summary>This reference with <c>latest</c> added when it has neither tag nor digest.</summary>
    public ImageReference WithDefaultTag() => IsNameOnly ? new ImageReference(Domain, Path, DefaultTag, null) : this;

    /// <summary>This reference with the given tag (any digest kept). Throws on an invalid tag (<c>invalid tag format</c>).</summary>
    public ImageReference WithTag(string tag)
    {
        if (!ReferenceGrammar.AnchoredTag().IsMatch(tag))
        {
            throw new InvalidArgumentException("invalid tag format");
        }
        return new ImageReference(Domain, Path, tag, Digest);
    }

    /// <summary>This reference with the given digest (any tag kept).</summary>
    public ImageReference WithDigest(Digest digest) => new(Domain, Path, Tag, digest);

    /// <summary>Only the repository name, tag and digest removed.</summary>
    public ImageReference WithoutTagOrDigest() => IsNameOnly ? this : new ImageReference(Domain, Path, null, null);

    /// <summary>True when <paramref name="tag"/> is a valid tag.</summary>
    public static bool IsValidTag(string? tag) => tag is not null && ReferenceGrammar.AnchoredTag().IsMatch(tag);

    /// <summary>
    /// Docker's <c>reference=</c> filter: true when <paramref name="pattern"/> (Go <c>path.Match</c> syntax) matches the
    /// familiar string (<c>busybox:latest</c>) or, failing that, the familiar name (<c>busybox</c>).
    /// Throws <see cref="InvalidArgumentException"/> for a malformed pattern.
    /// </summary>
    public bool FamiliarMatch(string pattern)
    {
        var compiled = PathPattern.Parse(pattern);
        return compiled.IsMatch(FamiliarString()) || compiled.IsMatch(FamiliarName);
    }

    /// <summary>
    /// The reference to pull or look up, as Docker's <c>ParseDockerRef</c>: with both tag and digest only the digest is kept;
    /// a bare name gets <c>latest</c>.
    /// </summary>
    public ImageReference ToDockerRef() => Tag is not null && Digest is not null
        ? new ImageReference(Domain, Path, null, Digest)
        : WithDefaultTag();

    /// <summary>The familiar form as Docker prints it, e.g. <c>busybox:latest</c> or <c>user/app@sha256:…</c>.</summary>
    public string FamiliarString() => Format(FamiliarName);

    /// <summary>The full form <c>domain/path[:tag][@digest]</c>.</summary>
    public override string ToString() => Format(Name);

    /// <inheritdoc />
    public bool Equals(ImageReference? other) =>
        other is not null && Domain == other.Domain && Path == other.Path && Tag == other.Tag && Nullable.Equals(Digest, other.Digest);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ImageReference);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Domain, Path, Tag, Digest);

    private string Format(string name)
    {
        var result = name;
        if (Tag is not null)
        {
            result += ":" + Tag;
        }
        if (Digest is { } digest)
        {
            result += "@" + digest;
        }
        return result;
    }

    private static (string Domain, string Remainder) SplitDockerDomain(string name)
    {
        var slash = name.IndexOf('/');
        if (slash < 0)
        {
            return (DefaultDomain, OfficialRepositoryPrefix + name);
        }
        var maybeDomain = name[..slash];
        var maybeRemote = name[(slash + 1)..];
        string domain, remote;
        if (maybeDomain == "localhost")
        {
            (domain, remote) = (maybeDomain, maybeRemote);
        }
        else if (maybeDomain == LegacyDefaultDomain)
        {
            (domain, remote) = (DefaultDomain, maybeRemote);
        }
        else if (maybeDomain.AsSpan().IndexOfAny('.', ':') >= 0)
        {
            (domain, remote) = (maybeDomain, maybeRemote);
        }
        else if (!string.Equals(maybeDomain.ToLowerInvariant(), maybeDomain, StringComparison.Ordinal))
        {
            // Namespaces are lowercase, so an uppercase first element can only be a host name.
            (domain, remote) = (maybeDomain, maybeRemote);
        }
        else
        {
            (domain, remote) = (DefaultDomain, name);
        }
        if (domain == DefaultDomain && !remote.Contains('/'))
        {
            remote = OfficialRepositoryPrefix + remote;
        }
        return (domain, remote);
    }

    private static bool TryParseCanonical(string value, [NotNullWhen(true)] out ImageReference? reference, out string error)
    {
        reference = null;
        var match = ReferenceGrammar.Reference().Match(value);
        if (!match.Success)
        {
            var lower = value.ToLowerInvariant();
            error = lower != value && ReferenceGrammar.Reference().IsMatch(lower)
                ? "repository name must be lowercase"
                : InvalidFormat;
            return false;
        }
        var name = ReferenceGrammar.AnchoredName().Match(match.Groups[1].Value);
        var domain = name.Groups[1].Value;
        var path = name.Groups[2].Value;
        if (path.Length > MaxPathLength)
        {
            error = $"repository name must not be more than {MaxPathLength} characters";
            return false;
        }
        var tag = match.Groups[2].Success ? match.Groups[2].Value : null;
        Digest? digest = null;
        if (match.Groups[3].Success)
        {
            if (!TryParseDigest(match.Groups[3].Value, out var parsed, out error))
            {
                return false;
            }
            digest = parsed;
        }
        if (domain.Length == 0)
        {
            // Normalisation always supplies a domain; a missing one means the input was not a name.
            error = InvalidFormat;
            return false;
        }
        reference = new ImageReference(domain, path, tag, digest);
        error = "";
        return true;
    }

    // go-digest's validation and wording; the grammar has already checked the general shape.
    private static bool TryParseDigest(string value, out Digest digest, out string error)
    {
        digest = default;
        var colon = value.IndexOf(':');
        var algorithm = value[..colon];
        var encoded = value[(colon + 1)..];
        int size;
        switch (algorithm)
        {
            case "sha256": size = 64; break;
            case "sha512": size = 128; break;
            default:
                error = "unsupported digest algorithm";
                return false;
        }
        if (encoded.Length != size)
        {
            error = "invalid checksum digest length";
            return false;
        }
        if (!Digests.Digest.TryParse(value, out digest))
        {
            error = "invalid checksum digest format";
            return false;
        }
        error = "";
        return true;
    }
}
