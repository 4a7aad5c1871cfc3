namespace Wharf.Engine.Runtime.Spec;

/// <summary>Everything <see cref="OciSpecBuilder"/> needs to produce a container's <c>config.json</c>; names follow Docker's HostConfig/Config.</summary>
public sealed record ContainerSpecRequest
{
    /// <summary>Container ID (64 hex).</summary>
    public required string Id { get; init; }

    /// <summary>Absolute path of the mounted root filesystem.</summary>
    public required string RootfsPath { get; init; }

    /// <summary>Final argv (ENTRYPOINT + CMD already combined); must not be empty.</summary>
    public required IReadOnlyList<string> Args { get; init; }

    /// <summary>Image env overlaid with the container's <c>-e</c> values (<c>KEY=value</c>); PATH/HOSTNAME/TERM/HOME are added by the builder when missing.</summary>
    public IReadOnlyList<string> Env { get; init; } = [];

    /// <summary>Working directory; empty = <c>/</c>.</summary>
    public string? Cwd { get; init; }

    /// <summary>Resolved user (see <see cref="UserResolver"/>).</summary>
    public ResolvedUser User { get; init; } = ResolvedUser.Root;

    /// <summary>Hostname (Docker default: the first 12 characters of the ID).</summary>
    public string? Hostname { get; init; }

    /// <summary>Domain name (<c>--domainname</c>).</summary>
    public string? Domainname { get; init; }

    /// <summary><c>-t</c>: allocate a pseudo-terminal.</summary>
    public bool Tty { get; init; }

    /// <summary><c>-i</c>: keep stdin open.</summary>
    public bool OpenStdin { get; init; }

    /// <summary><c>--read-only</c>.</summary>
    public bool ReadonlyRootfs { get; init; }

    /// <summary><c>--privileged</c>: all capabilities, all devices, no masked/read-only paths, no seccomp.</summary>
    public bool Privileged { get; init; }

    /// <summary><c>--cap-add</c> (with or without <c>CAP_</c>, case-insensitive, <c>ALL</c> allowed).</summary>
    public IReadOnlyList<string> CapAdd { get; init; } = [];

    /// <summary><c>--cap-drop</c> (same forms as <see cref="CapAdd"/>).</summary>
    public IReadOnlyList<string> CapDrop { get; init; } = [];

    /// <summary><c>none</c> (new empty netns), <c>host</c> (host netns and UTS), or anything else together with <see cref="NetworkNamespacePath"/>.</summary>
    public string NetworkMode { get; init; } = "none";

    /// <summary>An existing network namespace to join (bridge networks, <c>container:</c> mode); wins over a new netns.</summary>
    public string? NetworkNamespacePath { get; init; }

    /// <summary>Extra mounts (hosts/hostname/resolv.conf binds, volumes, tmpfs), applied after the defaults.</summary>
    public IReadOnlyList<SpecMount> Mounts { get; init; } = [];

    /// <summary><c>--shm-size</c> in bytes; 0 = Docker's 64 MiB.</summary>
    public long ShmSize { get; init; }

    /// <summary>Cgroup path; null = <c>/&lt;EngineOptions.CgroupParent&gt;/&lt;id&gt;</c>.</summary>
    public string? CgroupsPath { get; init; }

    /// <summary><c>--init</c>: run <see cref="InitPath"/> as PID 1 in front of <see cref="Args"/>.</summary>
    public bool Init { get; init; }

    /// <summary>Host path of the init binary (catatonit/tini); null = <c>EngineOptions.InitPath</c> resolved in PATH.</summary>
    public string? InitPath { get; init; }

    /// <summary>OCI annotations.</summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary><c>--memory</c> in bytes; 0 = unlimited.</summary>
    public long Memory { get; init; }

    /// <summary><c>--memory-swap</c> in bytes (memory + swap); 0 = unset, -1 = unlimited.</summary>
    public long MemorySwap { get; init; }

    /// <summary><c>--pids-limit</c>; 0 = unset, -1 = unlimited.</summary>
    public long PidsLimit { get; init; }

    /// <summary><c>--cpu-shares</c>; 0 = unset.</summary>
    public long CpuShares { get; init; }

    /// <summary><c>--cpus</c> in units of 1e-9 CPUs; 0 = unset.</summary>
    public long NanoCpus { get; init; }

    /// <summary><c>--sysctl</c>.</summary>
    public IReadOnlyDictionary<string, string>? Sysctls { get; init; }

    /// <summary><c>--ulimit</c>; clamped to the daemon's own hard limits.</summary>
    public IReadOnlyList<Ulimit> Ulimits { get; init; } = [];

    /// <summary><c>--security-opt no-new-privileges</c>.</summary>
    public bool NoNewPrivileges { get; init; }

    /// <summary><c>--oom-score-adj</c>.</summary>
    public int OomScoreAdj { get; init; }

    /// <summary><c>--memory-reservation</c> in bytes; 0 = unset.</summary>
    public long MemoryReservation { get; init; }

    /// <summary><c>--memory-swappiness</c>; null or -1 = inherit.</summary>
    public long? MemorySwappiness { get; init; }

    /// <summary><c>--oom-kill-disable</c>.</summary>
    public bool OomKillDisable { get; init; }

    /// <summary><c>--cpu-period</c> in microseconds; 0 = unset.</summary>
    public long CpuPeriod { get; init; }

    /// <summary><c>--cpu-quota</c> in microseconds; 0 = unset.</summary>
    public long CpuQuota { get; init; }

    /// <summary><c>--cpuset-cpus</c>; empty = unset.</summary>
    public string? CpusetCpus { get; init; }

    /// <summary><c>--cpuset-mems</c>; empty = unset.</summary>
    public string? CpusetMems { get; init; }

    /// <summary><c>--blkio-weight</c>; 0 = unset (only pass it when the kernel supports it).</summary>
    public int BlkioWeight { get; init; }

    /// <summary>Host devices to create in the container (<c>--device</c>); <c>--privileged</c> adds every host device itself.</summary>
    public IReadOnlyList<SpecDevice> Devices { get; init; } = [];

    /// <summary><c>--device-cgroup-rule</c> entries (<c>c 1:3 rwm</c>).</summary>
    public IReadOnlyList<string> DeviceCgroupRules { get; init; } = [];

    /// <summary>The seccomp profile: null = Docker's default, <c>unconfined</c>, or a profile in Docker's JSON format.</summary>
    public string? SeccompProfile { get; init; }

    /// <summary><c>--ipc</c>: empty/private/shareable (new namespace), <c>host</c> (none), <c>none</c>, or anything with <see cref="IpcNamespacePath"/>.</summary>
    public string IpcMode { get; init; } = "";

    /// <summary>IPC namespace to join (<c>--ipc container:</c>).</summary>
    public string? IpcNamespacePath { get; init; }

    /// <summary><c>--pid</c>: empty (new namespace) or <c>host</c>.</summary>
    public string PidMode { get; init; } = "";

    /// <summary>PID namespace to join (<c>--pid container:</c>).</summary>
    public string? PidNamespacePath { get; init; }

    /// <summary><c>--uts</c>: empty or <c>host</c>.</summary>
    public string UtsMode { get; init; } = "";
}
