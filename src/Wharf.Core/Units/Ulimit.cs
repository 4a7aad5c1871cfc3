using System.Globalization;
using Wharf.Core.Errors;

namespace Wharf.Core.Units;

/// <summary>A resource limit as <c>--ulimit name=soft[:hard]</c> gives it; -1 means unlimited.</summary>
/// <param name="Name">The limit name, e.g. <c>nofile</c>.</param>
/// <param name="Soft">The soft limit.</param>
/// <param name="Hard">The hard limit.</param>
public sealed record Ulimit(string Name, long Soft, long Hard)
{
    private static readonly HashSet<string> Names =
    [
        "core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime",
        "sigpending", "stack",
    ];

    /// <summary>The OCI runtime-spec rlimit type, e.g. <c>RLIMIT_NOFILE</c>.</summary>
    public string RlimitType => "RLIMIT_" + Name.ToUpperInvariant();

    /// <summary>Parses <c>name=soft[:hard]</c> (hard defaults to soft) as go-units does. Throws <see cref="InvalidArgumentException"/>.</summary>
    public static Ulimit Parse(string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            throw new InvalidArgumentException($"invalid ulimit argument: {value}");
        }
        var name = value[..equals];
        var limits = value[(equals + 1)..];
        if (!Names.Contains(name))
        {
            throw new InvalidArgumentException($"invalid ulimit type: {name}");
        }
        var colon = limits.IndexOf(':', StringComparison.Ordinal);
        // go-units reads the hard limit first, which decides which error a doubly bad value reports.
        long? explicitHard = colon >= 0 ? ParseLimit(limits[(colon + 1)..]) : null;
        var soft = ParseLimit(colon >= 0 ? limits[..colon] : limits);
        var hard = explicitHard ?? soft;
        if (hard != -1)
        {
            if (soft == -1)
            {
                throw new InvalidArgumentException($"ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: {hard}");
            }
            if (soft > hard)
            {
                throw new InvalidArgumentException($"ulimit soft limit must be less than or equal to hard limit: {soft} > {hard}");
            }
        }
        return new Ulimit(name, soft, hard);
    }

    /// <summary><c>name=soft:hard</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}={Soft}:{Hard}");

    private static long ParseLimit(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidArgumentException($"strconv.ParseInt: parsing \"{text}\": invalid syntax");
}
