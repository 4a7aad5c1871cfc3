using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Wharf.Core.Errors;

namespace Wharf.Engine.Runtime.Spec;

/// <summary>
/// Turns a seccomp profile in Docker's JSON format (<c>defaultAction</c>, <c>archMap</c>/<c>architectures</c>, <c>syscalls</c>
/// with <c>includes</c>/<c>excludes</c> on capabilities, architectures and kernel version) into the OCI filter for one container:
/// the rules whose conditions the container's capabilities, the host's architecture and kernel meet.
/// </summary>
public static class SeccompProfiles
{
    /// <summary>The value of <c>--security-opt seccomp=</c> that disables filtering.</summary>
    public const string Unconfined = "unconfined";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, OciSeccomp> s_defaults = new(StringComparer.Ordinal);

    /// <summary>Docker's default profile for a container with <paramref name="capabilities"/> (cached per capability set; treat it as read-only).</summary>
    public static OciSeccomp Default(IReadOnlyCollection<string> capabilities) =>
        s_defaults.GetOrAdd(string.Join(',', capabilities.Order(StringComparer.Ordinal)),
            _ => WithoutAbsentX32(FromDockerJson(SeccompDefaultProfile.Json, capabilities, NativeArch(), KernelVersion()), X32Abi.Supported));

    /// <summary>
    /// Drops the x32 sub-architecture from a filter when the kernel has no x32 ABI: such calls never reach seccomp as x32
    /// (the kernel refuses them either way), and each architecture costs runc a filter section to compile at every
    /// container start (~4 ms of ~19 ms for Docker's profile here, bench/README.md).
    /// </summary>
    public static OciSeccomp WithoutAbsentX32(OciSeccomp seccomp, bool x32Supported)
    {
        if (!x32Supported && seccomp.Architectures is { } architectures && architectures.Contains("SCMP_ARCH_X32"))
        {
            seccomp.Architectures = architectures.Where(a => a != "SCMP_ARCH_X32").ToList();
        }
        return seccomp;
    }

    /// <summary>The OCI filter of a Docker-format profile for a container with <paramref name="capabilities"/> on <paramref name="goArch"/> (Go's name, e.g. <c>amd64</c>) running <paramref name="kernel"/>.</summary>
    /// <exception cref="InvalidArgumentException">Malformed profile, with Docker's wording.</exception>
    public static OciSeccomp FromDockerJson(string json, IReadOnlyCollection<string> capabilities, string goArch, Version kernel)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new InvalidArgumentException($"decoding seccomp profile failed: {e.Message}");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new InvalidArgumentException("decoding seccomp profile failed: the profile is not a JSON object");
            var seccomp = new OciSeccomp { DefaultAction = String(root, "defaultAction") ?? "" };
            if (seccomp.DefaultAction.Length == 0)
                throw new InvalidArgumentException("decoding seccomp profile failed: defaultAction is missing");
            if (root.TryGetProperty("defaultErrnoRet", out var der) && der.ValueKind == JsonValueKind.Number)
                seccomp.DefaultErrnoRet = der.GetUInt32();
            var architectures = Strings(root, "architectures");
            var hasArchMap = root.TryGetProperty("archMap", out var archMap) && archMap.ValueKind == JsonValueKind.Array && archMap.GetArrayLength() > 0;
            if (architectures.Count > 0 && hasArchMap)
                throw new InvalidArgumentException("both 'architectures' and 'archMap' are specified in the seccomp profile, use either 'architectures' or 'archMap'");
            if (hasArchMap)
            {
                var native = ScmpArch(goArch);
                foreach (var entry in archMap.EnumerateArray())
                {
                    if (String(entry, "architecture") == native)
                    {
                        architectures.Add(native);
                        architectures.AddRange(Strings(entry, "subArchitectures"));
                    }
                }
            }
            seccomp.Architectures = architectures.Count > 0 ? architectures : null;
            var rules = new List<OciSyscall>();
            if (root.TryGetProperty("syscalls", out var syscalls) && syscalls.ValueKind == JsonValueKind.Array)
            {
                foreach (var call in syscalls.EnumerateArray())
                {
                    if (Applies(call, capabilities, goArch, kernel))
                        rules.Add(ToRule(call));
                }
            }
            seccomp.Syscalls = rules;
            return seccomp;
        }
    }

    /// <summary>Go's name of this machine's architecture, as profiles' <c>arches</c> conditions use it.</summary>
    public static string NativeArch() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.X86 => "386",
        Architecture.Arm64 => "arm64",
        Architecture.Arm => "arm",
        Architecture.S390x => "s390x",
        Architecture.Ppc64le => "ppc64le",
        Architecture.RiscV64 => "riscv64",
        Architecture.LoongArch64 => "loong64",
        _ => "amd64",
    };

    /// <summary>The running kernel's version (major.minor) from <c>/proc/sys/kernel/osrelease</c>.</summary>
    public static Version KernelVersion()
    {
        try
        {
            return ParseKernelVersion(File.ReadAllText("/proc/sys/kernel/osrelease"));
        }
        catch (IOException)
        {
            return new Version(0, 0);
        }
    }

    /// <summary>Parses <c>6.1.0-13-amd64</c> as 6.1.</summary>
    public static Version ParseKernelVersion(string release)
    {
        var parts = release.Trim().Split('.', '-');
        int Part(int i)
        {
            if (i >= parts.Length)
                return 0;
            var digits = new string(parts[i].TakeWhile(char.IsAsciiDigit).ToArray());
            return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        }
        return new Version(Part(0), Part(1));
    }

    private static string ScmpArch(string goArch) => goArch switch
    {
        "amd64" => "SCMP_ARCH_X86_64",
        "386" => "SCMP_ARCH_X86",
        "arm64" => "SCMP_ARCH_AARCH64",
        "arm" => "SCMP_ARCH_ARM",
        "s390x" => "SCMP_ARCH_S390X",
        "s390" => "SCMP_ARCH_S390",
        "ppc64le" => "SCMP_ARCH_PPC64LE",
        "riscv64" => "SCMP_ARCH_RISCV64",
        "mips64" => "SCMP_ARCH_MIPS64",
        "mips64le" => "SCMP_ARCH_MIPSEL64",
        "loong64" => "SCMP_ARCH_LOONGARCH64",
        _ => "SCMP_ARCH_" + goArch.ToUpperInvariant(),
    };

    private static bool Applies(JsonElement call, IReadOnlyCollection<string> capabilities, string goArch, Version kernel)
    {
        if (call.TryGetProperty("excludes", out var excludes) && excludes.ValueKind == JsonValueKind.Object)
        {
            if (Strings(excludes, "arches").Contains(goArch))
                return false;
            if (Strings(excludes, "caps").Any(capabilities.Contains))
                return false;
        }
        if (call.TryGetProperty("includes", out var includes) && includes.ValueKind == JsonValueKind.Object)
        {
            var arches = Strings(includes, "arches");
            if (arches.Count > 0 && !arches.Contains(goArch))
                return false;
            if (!Strings(includes, "caps").All(capabilities.Contains))
                return false;
            if (String(includes, "minKernel") is { Length: > 0 } min && kernel < ParseKernelVersion(min))
                return false;
        }
        return true;
    }

    private static OciSyscall ToRule(JsonElement call)
    {
        var names = Strings(call, "names");
        if (String(call, "name") is { Length: > 0 } name)
        {
            if (names.Count > 0)
                throw new InvalidArgumentException("use either 'name' or 'names'");
            names.Add(name);
        }
        var rule = new OciSyscall { Names = names, Action = String(call, "action") ?? "" };
        if (rule.Action.Length == 0)
            throw new InvalidArgumentException("decoding seccomp profile failed: a syscall rule has no action");
        if (call.TryGetProperty("errnoRet", out var errno) && errno.ValueKind == JsonValueKind.Number)
            rule.ErrnoRet = errno.GetUInt32();
        if (call.TryGetProperty("args", out var args) && args.ValueKind == JsonValueKind.Array && args.GetArrayLength() > 0)
        {
            rule.Args = args.EnumerateArray().Select(a => new OciSyscallArg
            {
                Index = a.TryGetProperty("index", out var i) ? i.GetUInt32() : 0,
                Value = a.TryGetProperty("value", out var v) ? v.GetUInt64() : 0,
                ValueTwo = a.TryGetProperty("valueTwo", out var v2) && v2.ValueKind == JsonValueKind.Number ? v2.GetUInt64() : null,
                Op = String(a, "op") ?? "SCMP_CMP_EQ",
            }).ToList();
        }
        return rule;
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
}
