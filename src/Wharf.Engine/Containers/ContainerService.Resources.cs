using Wharf.Core.Errors;
using Wharf.Engine.Runtime;
using Wharf.Engine.Runtime.Cgroups;
using Wharf.Engine.Runtime.Spec;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    private CgroupLayout? _cgroupLayout;
    private CgroupSysInfo? _cgroupSysInfo;

    /// <summary>The host's cgroup mounts (detected once).</summary>
    public CgroupLayout CgroupLayout => _cgroupLayout ??= CgroupLayout.Detect();

    /// <summary>What this host's cgroups support (detected once); settable for tests.</summary>
    public CgroupSysInfo CgroupSysInfo
    {
        get => _cgroupSysInfo ??= CgroupSysInfo.Detect(CgroupLayout);
        set => _cgroupSysInfo = value;
    }

    /// <summary>
    /// Docker's create-time checks of limits, modes, security options, sysctls, ulimits, devices and the stop signal: throws
    /// 400 with Docker's text, adds warnings for discarded settings, returns the host config with Docker's defaults applied.
    /// </summary>
    private ContainerHostConfig ValidateResources(ContainerHostConfig hostConfig, ContainerConfig config, List<string> warnings)
    {
        if (!string.IsNullOrEmpty(config.StopSignal))
            ContainerSignals.Parse(config.StopSignal);
        if (config.StopTimeout is < -1)
            throw new InvalidArgumentException($"invalid stop timeout: {config.StopTimeout}");
        return ResourceValidator.ValidateCreate(hostConfig, CgroupSysInfo, Environment.ProcessorCount, warnings);
    }

    /// <summary>Adds the container's resources, security options, devices and namespace modes to the spec request built by start.</summary>
    private ContainerSpecRequest ApplyResources(ContainerRecord container, string rootfs, ContainerSpecRequest request)
    {
        var host = container.HostConfig;
        var (noNewPrivileges, seccomp) = ResourceValidator.ParseSecurityOpt(host.SecurityOpt);
        var mounts = request.Mounts.ToList();
        string? pidPath = null;
        var (ipcPath, shmMounts) = PrepareIpc(container, mounts);
        mounts.AddRange(shmMounts);
        if (host.PidMode.StartsWith("container:", StringComparison.Ordinal))
            pidPath = $"/proc/{RunningDonor(host.PidMode["container:".Length..], "PID").State.Pid}/ns/pid";
        var user = host.GroupAdd is { Count: > 0 } groups ? UserResolver.Resolve(rootfs, container.Config.User, groups) : request.User;
        return WithLimits(request, host.Resources) with
        {
            User = user,
            Mounts = mounts,
            NoNewPrivileges = noNewPrivileges,
            SeccompProfile = seccomp,
            Sysctls = host.Sysctls,
            OomScoreAdj = host.OomScoreAdj,
            IpcMode = host.IpcMode.StartsWith("container:", StringComparison.Ordinal) ? "container" : host.IpcMode,
            IpcNamespacePath = ipcPath,
            PidMode = host.PidMode.StartsWith("container:", StringComparison.Ordinal) ? "container" : host.PidMode,
            PidNamespacePath = pidPath,
            UtsMode = host.UtsMode,
            Ulimits = host.Resources.Ulimits ?? [],
            Devices = (host.Resources.Devices ?? []).Select(d => new SpecDevice(d.PathOnHost, d.PathInContainer, d.CgroupPermissions)).ToList(),
            DeviceCgroupRules = host.Resources.DeviceCgroupRules ?? [],
            CgroupsPath = string.IsNullOrEmpty(host.CgroupParent) ? request.CgroupsPath : $"{host.CgroupParent.TrimEnd('/')}/{container.Id}",
        };
    }

    /// <summary>The spec request's cgroup limits from <paramref name="r"/> (also what <c>update</c> hands to <c>runc update</c>).</summary>
    private static ContainerSpecRequest WithLimits(ContainerSpecRequest request, ContainerResources r) => request with
    {
        Memory = r.Memory,
        MemorySwap = r.MemorySwap,
        MemoryReservation = r.MemoryReservation,
        MemorySwappiness = r.MemorySwappiness,
        OomKillDisable = r.OomKillDisable == true,
        NanoCpus = r.NanoCpus,
        CpuShares = r.CpuShares,
        CpuPeriod = r.CpuPeriod,
        CpuQuota = r.CpuQuota,
        CpusetCpus = r.CpusetCpus,
        CpusetMems = r.CpusetMems,
        PidsLimit = r.PidsLimit ?? 0,
        BlkioWeight = r.BlkioWeight,
    };

    private ContainerRecord RunningDonor(string nameOrId, string kind)
    {
        var donor = _store.Resolve(nameOrId);
        if (!donor.State.Running || donor.State.Pid <= 0)
            throw new ConflictException($"cannot join {kind} of a non running container: {donor.Id}");
        return donor;
    }
}
