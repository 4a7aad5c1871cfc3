namespace Wharf.Engine.Containers;

/// <summary>The part of Docker's <c>HostConfig</c> that this engine honours or stores.</summary>
public sealed record ContainerHostConfig
{
    /// <summary><c>none</c>, <c>host</c> (and later bridge networks); <c>default</c> is resolved at create.</summary>
    public string NetworkMode { get; init; } = "default";

    /// <summary><c>--rm</c>: remove the container when it exits.</summary>
    public bool AutoRemove { get; init; }

    /// <summary><c>--privileged</c>.</summary>
    public bool Privileged { get; init; }

    /// <summary><c>--read-only</c>.</summary>
    public bool ReadonlyRootfs { get; init; }

    /// <summary><c>--cap-add</c>.</summary>
    public IReadOnlyList<string>? CapAdd { get; init; }

    /// <summary><c>--cap-drop</c>.</summary>
    public IReadOnlyList<string>? CapDrop { get; init; }

    /// <summary><c>--init</c>.</summary>
    public bool? Init { get; init; }

    /// <summary>OCI runtime name; empty = the daemon's default.</summary>
    public string Runtime { get; init; } = "";

    /// <summary>Restart policy (stored only).</summary>
    public RestartPolicy RestartPolicy { get; init; } = new();

    /// <summary><c>--shm-size</c> in bytes; 0 = 64 MiB.</summary>
    public long ShmSize { get; init; }

    /// <summary><c>-v</c> binds and named volumes (<c>SRC:DST[:MODE]</c>).</summary>
    public IReadOnlyList<string>? Binds { get; init; }

    /// <summary><c>--mount</c> entries.</summary>
    public IReadOnlyList<Wharf.Engine.Containers.Mounts.MountRequest>? Mounts { get; init; }

    /// <summary><c>--tmpfs</c>: destination → mount options.</summary>
    public IReadOnlyDictionary<string, string>? Tmpfs { get; init; }

    /// <summary><c>--volumes-from</c>: <c>container[:ro|rw]</c>.</summary>
    public IReadOnlyList<string>? VolumesFrom { get; init; }

    /// <summary>The mounts resolved at create (volumes named, binds cleaned); set by the engine, shown by inspect.</summary>
    public IReadOnlyList<Wharf.Engine.Containers.Mounts.ContainerMountPoint>? MountPoints { get; init; }

    /// <summary><c>-p</c>: bindings by container port key (<c>80/tcp</c>); resolved to host ports at each start.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Networks.Ports.PortBindingRequest>>? PortBindings { get; init; }

    /// <summary><c>-P</c>: publish every exposed port on an ephemeral host port.</summary>
    public bool PublishAllPorts { get; init; }

    /// <summary>Networks to join at start, first one first (<c>NetworkingConfig.EndpointsConfig</c>, changed by connect/disconnect).</summary>
    public IReadOnlyList<Networks.EndpointRequest>? EndpointsConfig { get; init; }

    /// <summary>Log configuration.</summary>
    public LogConfig LogConfig { get; init; } = new();

    /// <summary>Cgroup limits, rlimits and devices (Docker's inlined <c>Resources</c>).</summary>
    public ContainerResources Resources { get; init; } = new();

    /// <summary><c>--security-opt</c> (<c>no-new-privileges</c>, <c>seccomp=unconfined|&lt;json&gt;</c>, <c>label=…</c>, <c>apparmor=…</c>).</summary>
    public IReadOnlyList<string>? SecurityOpt { get; init; }

    /// <summary><c>--group-add</c> (names or GIDs).</summary>
    public IReadOnlyList<string>? GroupAdd { get; init; }

    /// <summary><c>--sysctl</c>.</summary>
    public IReadOnlyDictionary<string, string>? Sysctls { get; init; }

    /// <summary><c>--ipc</c>: empty/<c>private</c>, <c>shareable</c>, <c>host</c>, <c>none</c>, <c>container:&lt;id&gt;</c>.</summary>
    public string IpcMode { get; init; } = "";

    /// <summary><c>--pid</c>: empty, <c>host</c>, <c>container:&lt;id&gt;</c>.</summary>
    public string PidMode { get; init; } = "";

    /// <summary><c>--uts</c>: empty or <c>host</c>.</summary>
    public string UtsMode { get; init; } = "";

    /// <summary><c>--oom-score-adj</c>.</summary>
    public int OomScoreAdj { get; init; }

    /// <summary><c>--cgroup-parent</c> of this container; empty = the daemon's.</summary>
    public string CgroupParent { get; init; } = "";

    /// <summary><c>--dns</c>: nameservers for resolv.conf.</summary>
    public IReadOnlyList<string>? Dns { get; init; }

    /// <summary><c>--dns-search</c>: search domains for resolv.conf.</summary>
    public IReadOnlyList<string>? DnsSearch { get; init; }

    /// <summary><c>--dns-option</c>: resolv.conf options.</summary>
    public IReadOnlyList<string>? DnsOptions { get; init; }

    /// <summary><c>--add-host</c>: <c>name:ip</c> lines for /etc/hosts (<c>host-gateway</c> allowed as the ip).</summary>
    public IReadOnlyList<string>? ExtraHosts { get; init; }

    /// <summary><c>--link</c>: <c>name:alias</c> (the engine stores <c>/name:/container/alias</c> like Docker).</summary>
    public IReadOnlyList<string>? Links { get; init; }
}
