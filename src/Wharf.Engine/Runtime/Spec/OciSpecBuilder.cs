using System.Text.Json;
using Wharf.Core.Errors;

namespace Wharf.Engine.Runtime.Spec;

/// <summary>Builds a container's OCI spec with Docker's defaults (moby <c>oci/defaults.go</c>, <c>daemon/oci_linux.go</c>).</summary>
public sealed partial class OciSpecBuilder
{
    /// <summary>Where <c>--init</c>'s binary appears in the container, as in Docker.</summary>
    public const string InitPathInContainer = "/sbin/docker-init";

    /// <summary>Docker's PATH when neither image nor user set one.</summary>
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>Docker's default <c>/dev/shm</c> size (64 MiB).</summary>
    public const long DefaultShmSize = 64L * 1024 * 1024;

    private static readonly string[] s_maskedPaths =
    [
        "/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
        "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap",
    ];

    private static readonly string[] s_readonlyPaths = ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"];

    private readonly EngineOptions _options;
    private readonly Func<int, ulong> _hardLimit;
    private readonly bool _cgroupV2;

    /// <summary>A builder for containers of the engine configured by <paramref name="options"/>.</summary>
    public OciSpecBuilder(EngineOptions options)
        : this(options, Rlimits.HardLimit, File.Exists("/sys/fs/cgroup/cgroup.controllers"))
    {
    }

    /// <summary>Test seam: the hard-limit source and the cgroup version are injectable.</summary>
    internal OciSpecBuilder(EngineOptions options, Func<int, ulong> hardLimit, bool cgroupV2)
    {
        _options = options;
        _hardLimit = hardLimit;
        _cgroupV2 = cgroupV2;
    }

    /// <summary>The spec for <paramref name="request"/>.</summary>
    /// <exception cref="InvalidArgumentException">Empty args, unknown capability or ulimit.</exception>
    public OciSpec Build(ContainerSpecRequest request)
    {
        if (request.Args.Count == 0)
            throw new InvalidArgumentException("no command specified");
        var hostNetwork = request.NetworkMode == "host" && request.NetworkNamespacePath == null;
        var hostUts = hostNetwork || request.UtsMode == "host";
        var hostname = hostUts ? null : (string.IsNullOrEmpty(request.Hostname) ? ShortId(request.Id) : request.Hostname);

        var caps = Capabilities.Tweak(Capabilities.Default, request.CapAdd, request.CapDrop, request.Privileged);
        var process = new OciProcess
        {
            Terminal = request.Tty,
            User = new OciUser
            {
                Uid = request.User.Uid,
                Gid = request.User.Gid,
                AdditionalGids = request.User.AdditionalGids.Count > 0 ? [.. request.User.AdditionalGids] : null,
            },
            Args = [.. request.Args],
            Env = BuildEnv(request, hostname ?? Environment.MachineName),
            Cwd = string.IsNullOrEmpty(request.Cwd) ? "/" : request.Cwd,
            Capabilities = new OciCapabilities { Bounding = [.. caps], Effective = [.. caps], Permitted = [.. caps] },
            NoNewPrivileges = request.NoNewPrivileges,
            OomScoreAdj = request.OomScoreAdj,
            Rlimits = request.Ulimits.Count > 0 ? request.Ulimits.Select(u => Rlimits.ToOci(u, _hardLimit)).ToList() : null,
        };

        var spec = new OciSpec
        {
            Process = process,
            Root = new OciRoot { Path = request.RootfsPath, Readonly = request.ReadonlyRootfs },
            Hostname = hostname,
            Domainname = hostUts || string.IsNullOrEmpty(request.Domainname) ? null : request.Domainname,
            Mounts = DefaultMounts(request),
            Annotations = request.Annotations?.ToDictionary(),
            Linux = new OciLinux
            {
                Namespaces = Namespaces(request, hostNetwork, hostUts),
                CgroupsPath = request.CgroupsPath ?? $"{_options.CgroupParent.TrimEnd('/')}/{request.Id}",
                Resources = Resources(request),
                MaskedPaths = request.Privileged ? null : [.. s_maskedPaths],
                ReadonlyPaths = request.Privileged ? null : [.. s_readonlyPaths],
                Sysctl = Sysctls(request, hostNetwork),
                Seccomp = Seccomp(request, caps),
            },
        };
        AddDevices(spec.Linux, request);

        AddExtraMounts(spec.Mounts, request.Mounts);
        if (request.Init)
        {
            spec.Mounts.Add(new OciMount
            {
                Destination = InitPathInContainer,
                Type = "bind",
                Source = ResolveInit(request.InitPath ?? _options.InitPath),
                Options = ["bind", "ro"],
            });
            process.Args.InsertRange(0, [InitPathInContainer, "--"]);
        }
        return spec;
    }

    /// <summary>
    /// The process of a Docker exec in a container whose init runs <paramref name="container"/>: same capabilities, rlimits and
    /// security settings (all capabilities when <paramref name="privileged"/>), the container's env overlaid with <paramref name="env"/>,
    /// the container's cwd unless <paramref name="cwd"/> is given, and the container's user unless <paramref name="user"/> is given.
    /// </summary>
    public static OciProcess ExecProcess(OciProcess container, IReadOnlyList<string> args, IReadOnlyList<string>? env = null,
        string? cwd = null, ResolvedUser? user = null, bool tty = false, bool privileged = false)
    {
        if (args.Count == 0)
            throw new InvalidArgumentException("No exec command specified");
        var merged = new List<string>(container.Env);
        foreach (var entry in env ?? [])
        {
            var eq = entry.IndexOf('=');
            var key = eq < 0 ? entry : entry[..eq];
            var index = merged.FindIndex(e => e.Length > key.Length && e[key.Length] == '=' && e.StartsWith(key, StringComparison.Ordinal));
            if (eq < 0)
            {
                if (index >= 0)
                    merged.RemoveAt(index);
            }
            else if (index >= 0)
            {
                merged[index] = entry;
            }
            else
            {
                merged.Add(entry);
            }
        }
        if (tty && !merged.Exists(e => e.StartsWith("TERM=", StringComparison.Ordinal)))
            merged.Add("TERM=xterm");
        var caps = privileged ? [.. Capabilities.All] : container.Capabilities?.Bounding?.ToList() ?? [];
        return new OciProcess
        {
            Terminal = tty,
            User = user == null
                ? new OciUser { Uid = container.User.Uid, Gid = container.User.Gid, AdditionalGids = container.User.AdditionalGids?.ToList() }
                : new OciUser { Uid = user.Uid, Gid = user.Gid, AdditionalGids = user.AdditionalGids.Count > 0 ? [.. user.AdditionalGids] : null },
            Args = [.. args],
            Env = merged,
            Cwd = string.IsNullOrEmpty(cwd) ? container.Cwd : cwd,
            Capabilities = new OciCapabilities { Bounding = [.. caps], Effective = [.. caps], Permitted = [.. caps] },
            Rlimits = container.Rlimits?.ToList(),
            NoNewPrivileges = container.NoNewPrivileges,
            ApparmorProfile = container.ApparmorProfile,
            SelinuxLabel = container.SelinuxLabel,
        };
    }

    /// <summary>Reads a bundle's <c>config.json</c>.</summary>
    public static OciSpec ReadConfig(string bundleDir)
    {
        using var stream = File.OpenRead(Path.Combine(bundleDir, "config.json"));
        return JsonSerializer.Deserialize(stream, OciSpecJsonContext.Default.OciSpec)
               ?? throw new InvalidDataException($"empty OCI spec in {bundleDir}");
    }

    /// <summary>Writes <paramref name="spec"/> as <c>config.json</c> into <paramref name="bundleDir"/> (created if missing).</summary>
    public static void WriteConfig(OciSpec spec, string bundleDir)
    {
        Directory.CreateDirectory(bundleDir);
        var path = Path.Combine(bundleDir, "config.json");
        var tmp = path + ".tmp";
        using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
            JsonSerializer.Serialize(stream, spec, OciSpecJsonContext.Default.OciSpec);
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Docker's environment: PATH, HOSTNAME, TERM (tty) first, overridden in place by the container's env, then HOME when missing.</summary>
    internal static List<string> BuildEnv(ContainerSpecRequest request, string hostname)
    {
        var env = new List<string> { "PATH=" + DefaultPath, "HOSTNAME=" + hostname };
        if (request.Tty)
            env.Add("TERM=xterm");
        foreach (var entry in request.Env)
        {
            var eq = entry.IndexOf('=');
            var key = eq < 0 ? entry : entry[..eq];
            var index = env.FindIndex(e => e.Length > key.Length && e[key.Length] == '=' && e.StartsWith(key, StringComparison.Ordinal));
            if (eq < 0)
            {
                // "KEY" without a value removes an inherited entry, as in Docker.
                if (index >= 0)
                    env.RemoveAt(index);
                continue;
            }
            if (index >= 0)
                env[index] = entry;
            else
                env.Add(entry);
        }
        if (!env.Exists(e => e.StartsWith("HOME=", StringComparison.Ordinal)))
            env.Add("HOME=" + request.User.Home);
        return env;
    }

    private static string ShortId(string id) => id.Length > 12 ? id[..12] : id;

    private List<OciNamespace> Namespaces(ContainerSpecRequest request, bool hostNetwork, bool hostUts)
    {
        var ns = new List<OciNamespace> { new() { Type = "mount" } };
        if (request.NetworkNamespacePath != null)
            ns.Add(new OciNamespace { Type = "network", Path = request.NetworkNamespacePath });
        else if (!hostNetwork)
            ns.Add(new OciNamespace { Type = "network" });
        if (!hostUts)
            ns.Add(new OciNamespace { Type = "uts" });
        if (request.PidNamespacePath != null)
            ns.Add(new OciNamespace { Type = "pid", Path = request.PidNamespacePath });
        else if (request.PidMode != "host")
            ns.Add(new OciNamespace { Type = "pid" });
        if (request.IpcNamespacePath != null)
            ns.Add(new OciNamespace { Type = "ipc", Path = request.IpcNamespacePath });
        else if (request.IpcMode != "host")
            ns.Add(new OciNamespace { Type = "ipc" });
        // Docker's default cgroupns mode is private on cgroup v2 and host on v1.
        if (_cgroupV2)
            ns.Add(new OciNamespace { Type = "cgroup" });
        return ns;
    }

    private static List<OciMount> DefaultMounts(ContainerSpecRequest request)
    {
        var shm = request.ShmSize > 0 ? request.ShmSize : DefaultShmSize;
        var sysMode = request.Privileged ? "rw" : "ro";
        List<OciMount> mounts =
        [
            new() { Destination = "/proc", Type = "proc", Source = "proc", Options = ["nosuid", "noexec", "nodev"] },
            new() { Destination = "/dev", Type = "tmpfs", Source = "tmpfs", Options = ["nosuid", "strictatime", "mode=755", "size=65536k"] },
            new() { Destination = "/dev/pts", Type = "devpts", Source = "devpts", Options = ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"] },
            new() { Destination = "/sys", Type = "sysfs", Source = "sysfs", Options = ["nosuid", "noexec", "nodev", sysMode] },
            new() { Destination = "/sys/fs/cgroup", Type = "cgroup", Source = "cgroup", Options = ["nosuid", "noexec", "nodev", "relatime", sysMode] },
            new() { Destination = "/dev/mqueue", Type = "mqueue", Source = "mqueue", Options = ["nosuid", "noexec", "nodev"] },
            new() { Destination = "/dev/shm", Type = "tmpfs", Source = "shm", Options = ["nosuid", "noexec", "nodev", "mode=1777", "size=" + shm.ToString(System.Globalization.CultureInfo.InvariantCulture)] },
        ];
        if (request.IpcMode == "none")
            mounts.RemoveAll(m => m.Destination == "/dev/shm");
        return mounts;
    }

    private static void AddExtraMounts(List<OciMount> mounts, IReadOnlyList<SpecMount> extra)
    {
        // A user mount on a default destination replaces the default; deeper paths go later so parents are mounted first.
        var ordered = extra.Select((m, i) => (m, i))
            .OrderBy(x => x.m.Destination.Split('/', StringSplitOptions.RemoveEmptyEntries).Length)
            .ThenBy(x => x.i)
            .Select(x => x.m);
        foreach (var m in ordered)
        {
            var dest = "/" + string.Join('/', m.Destination.Split('/', StringSplitOptions.RemoveEmptyEntries));
            mounts.RemoveAll(x => x.Destination == dest);
            var options = m.Options?.ToList() ?? [];
            if (m.Type == "bind")
            {
                if (!options.Contains("bind") && !options.Contains("rbind"))
                    options.Insert(0, "rbind");
                if (!options.Any(IsPropagation))
                    options.Add("rprivate");
            }
            mounts.Add(new OciMount { Destination = dest, Type = m.Type, Source = m.Source, Options = options });
        }
    }

    private static bool IsPropagation(string o) =>
        o is "private" or "rprivate" or "shared" or "rshared" or "slave" or "rslave" or "unbindable" or "runbindable";

    private static OciResources Resources(ContainerSpecRequest request)
    {
        var resources = LimitResources(request);
        if (request.Privileged)
        {
            resources.Devices = [new OciDeviceCgroup { Allow = true, Access = "rwm" }];
        }
        else
        {
            resources.Devices =
            [
                new() { Allow = false, Access = "rwm" },
                new() { Allow = true, Type = "c", Major = 1, Minor = 5, Access = "rwm" },
                new() { Allow = true, Type = "c", Major = 1, Minor = 3, Access = "rwm" },
                new() { Allow = true, Type = "c", Major = 1, Minor = 9, Access = "rwm" },
                new() { Allow = true, Type = "c", Major = 1, Minor = 8, Access = "rwm" },
                new() { Allow = true, Type = "c", Major = 5, Minor = 0, Access = "rwm" },
                new() { Allow = true, Type = "c", Major = 5, Minor = 1, Access = "rwm" },
                new() { Allow = false, Type = "c", Major = 10, Minor = 229, Access = "rwm" },
            ];
        }
        return resources;
    }

    private static Dictionary<string, string>? Sysctls(ContainerSpecRequest request, bool hostNetwork)
    {
        var sysctl = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!hostNetwork)
        {
            // Docker (20.10+) lets unprivileged processes bind low ports and ping inside a private netns.
            sysctl["net.ipv4.ip_unprivileged_port_start"] = "0";
            sysctl["net.ipv4.ping_group_range"] = "0 2147483647";
        }
        foreach (var (key, value) in request.Sysctls ?? new Dictionary<string, string>())
            sysctl[key] = value;
        return sysctl.Count > 0 ? sysctl : null;
    }

    private static string ResolveInit(string init)
    {
        if (init.Contains('/'))
            return Path.GetFullPath(init);
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin").Split(':'))
        {
            var candidate = Path.Combine(dir, init);
            if (File.Exists(candidate))
                return candidate;
        }
        foreach (var dir in new[] { "/usr/libexec/podman", "/usr/libexec/docker", "/usr/bin", "/usr/local/bin" })
        {
            var candidate = Path.Combine(dir, init);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new InvalidArgumentException($"exec: \"{init}\": executable file not found in $PATH");
    }
}
