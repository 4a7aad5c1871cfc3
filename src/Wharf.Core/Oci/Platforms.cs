using System.Runtime.InteropServices;
using Wharf.Core.Errors;

namespace Wharf.Core.Oci;

/// <summary>
/// Platform specifiers as <c>--platform</c> takes them (<c>linux/arm64/v8</c>, <c>amd64</c>), normalised as containerd does,
/// and selection of the best manifest of an index for a platform.
/// </summary>
public static class Platforms
{
    private static readonly HashSet<string> KnownOs =
    [
        "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd",
        "openbsd", "plan9", "solaris", "windows", "zos",
    ];

    private static readonly HashSet<string> KnownArchitectures =
    [
        "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "ppc64", "ppc64le", "loong64", "mips", "mipsle",
        "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm",
    ];

    /// <summary>The platform this process runs on, e.g. <c>linux/amd64</c> or <c>linux/arm64/v8</c>.</summary>
    public static Platform Default
    {
        get
        {
            var (architecture, variant) = RuntimeInformation.OSArchitecture switch
            {
                Architecture.X64 => ("amd64", (string?)null),
                Architecture.X86 => ("386", null),
                Architecture.Arm64 => ("arm64", "v8"),
                Architecture.Arm => ("arm", "v7"),
                Architecture.S390x => ("s390x", null),
                Architecture.Ppc64le => ("ppc64le", null),
                Architecture.RiscV64 => ("riscv64", null),
                Architecture.LoongArch64 => ("loong64", null),
                var other => (other.ToString().ToLowerInvariant(), null),
            };
            return new Platform { Os = "linux", Architecture = architecture, Variant = variant };
        }
    }

    /// <summary>
    /// Parses <c>os[/arch[/variant]]</c> or a lone architecture, normalising names (<c>x86_64</c> → <c>amd64</c>,
    /// <c>aarch64</c> → <c>arm64</c>, <c>armhf</c> → <c>arm/v7</c>). Throws <see cref="InvalidArgumentException"/>.
    /// </summary>
    public static Platform Parse(string specifier)
    {
        if (specifier.Contains('*'))
        {
            throw new InvalidArgumentException($"\"{specifier}\": wildcards not yet supported: invalid argument");
        }
        var parts = specifier.Split('/');
        foreach (var part in parts)
        {
            if (part.Length == 0 || !part.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                throw new InvalidArgumentException($"\"{specifier}\": invalid platform component \"{part}\": invalid argument");
            }
        }
        var host = Default;
        switch (parts.Length)
        {
            case 1:
                {
                    var single = NormalizeOs(parts[0]);
                    if (KnownOs.Contains(single))
                    {
                        return new Platform { Os = single, Architecture = host.Architecture, Variant = host.Variant };
                    }
                    var (architecture, variant) = NormalizeArchitecture(parts[0], "");
                    if (KnownArchitectures.Contains(architecture))
                    {
                        return new Platform { Os = host.Os, Architecture = architecture, Variant = Empty(variant) };
                    }
                    throw new InvalidArgumentException($"\"{specifier}\": unknown operating system or architecture: invalid argument");
                }
            case 2:
                {
                    var (architecture, variant) = NormalizeArchitecture(parts[1], "");
                    if (architecture == "arm" && variant == "v7")
                    {
                        variant = "";
                    }
                    return new Platform { Os = NormalizeOs(parts[0]), Architecture = architecture, Variant = Empty(variant) };
                }
            case 3:
                {
                    var (architecture, variant) = NormalizeArchitecture(parts[1], parts[2]);
                    if (architecture == "arm64" && variant.Length == 0)
                    {
                        variant = "v8";
                    }
                    return new Platform { Os = NormalizeOs(parts[0]), Architecture = architecture, Variant = Empty(variant) };
                }
            default:
                throw new InvalidArgumentException($"\"{specifier}\": cannot parse platform specifier: invalid argument");
        }
    }

    /// <summary>A copy with normalised OS, architecture and variant (so <c>arm64</c> and <c>arm64/v8</c> compare equal).</summary>
    public static Platform Normalize(Platform platform)
    {
        var (architecture, variant) = NormalizeArchitecture(platform.Architecture, platform.Variant ?? "");
        return new Platform
        {
            Os = NormalizeOs(platform.Os),
            Architecture = architecture,
            Variant = Empty(variant),
            OsVersion = platform.OsVersion,
            OsFeatures = platform.OsFeatures,
            Features = platform.Features,
        };
    }

    /// <summary>
    /// True when an image built for <paramref name="candidate"/> runs on <paramref name="wanted"/>: same OS and architecture,
    /// and a variant the wanted one can run (an <c>arm/v7</c> host runs <c>v6</c> and <c>v5</c>; no wanted variant accepts any).
    /// </summary>
    public static bool Matches(Platform wanted, Platform candidate) => Rank(Normalize(wanted), Normalize(candidate)) >= 0;

    /// <summary>
    /// The best manifest of an index for <paramref name="wanted"/> (exact variant first, then older compatible variants),
    /// or null when none fits. Descriptors without a platform never match.
    /// </summary>
    public static Descriptor? SelectManifest(IEnumerable<Descriptor> manifests, Platform wanted)
    {
        var normalizedWanted = Normalize(wanted);
        Descriptor? best = null;
        var bestRank = -1;
        foreach (var manifest in manifests)
        {
            if (manifest.Platform is not { } platform)
            {
                continue;
            }
            var rank = Rank(normalizedWanted, Normalize(platform));
            if (rank > bestRank)
            {
                best = manifest;
                bestRank = rank;
            }
        }
        return best;
    }

    /// <summary><c>os/arch[/variant]</c>.</summary>
    public static string Format(Platform platform) => platform.ToString();

    // -1: no match; higher is better.
    private static int Rank(Platform wanted, Platform candidate)
    {
        if (wanted.Os != candidate.Os || wanted.Architecture != candidate.Architecture)
        {
            return -1;
        }
        var wantedVariant = wanted.Variant ?? "";
        var candidateVariant = candidate.Variant ?? "";
        if (wantedVariant == candidateVariant)
        {
            return 100;
        }
        if (wantedVariant.Length == 0)
        {
            return 50;
        }
        if (wanted.Architecture == "arm" && VariantNumber(candidateVariant) is { } c && VariantNumber(wantedVariant) is { } w && c <= w)
        {
            return 10 + c;
        }
        if (candidateVariant.Length == 0)
        {
            return 1;
        }
        return -1;
    }

    private static int? VariantNumber(string variant) =>
        variant.Length == 2 && variant[0] == 'v' && char.IsAsciiDigit(variant[1]) ? variant[1] - '0' : null;

    private static string NormalizeOs(string os)
    {
        var lower = os.ToLowerInvariant();
        return lower == "macos" ? "darwin" : lower;
    }

    private static (string Architecture, string Variant) NormalizeArchitecture(string architecture, string variant)
    {
        architecture = architecture.ToLowerInvariant();
        variant = variant.ToLowerInvariant();
        switch (architecture)
        {
            case "i386":
                return ("386", "");
            case "x86_64" or "x86-64" or "amd64":
                return ("amd64", variant == "v1" ? "" : variant);
            case "aarch64" or "arm64":
                return ("arm64", variant switch
                {
                    "8" or "v8" or "v8.0" => "",
                    "9" or "9.0" or "v9.0" => "v9",
                    _ => variant,
                });
            case "armhf":
                return ("arm", "v7");
            case "armel":
                return ("arm", "v6");
            case "arm":
                return ("arm", variant switch
                {
                    "" or "7" => "v7",
                    "5" or "6" or "8" => "v" + variant,
                    _ => variant,
                });
            default:
                return (architecture, variant);
        }
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;
}
