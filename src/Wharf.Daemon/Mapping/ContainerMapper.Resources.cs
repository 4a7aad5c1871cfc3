using Wharf.Engine.Containers;
using Wire = Wharf.Api.Models;

namespace Wharf.Daemon.Mapping;

public static partial class ContainerMapper
{
    /// <summary>The create body's <c>Resources</c> fields (memory, CPU, pids, blkio, ulimits, devices).</summary>
    public static ContainerResources ToEngineResources(Wire.HostConfig h) => new()
    {
        Memory = h.Memory,
        MemorySwap = h.MemorySwap,
        MemoryReservation = h.MemoryReservation,
        MemorySwappiness = h.MemorySwappiness,
        OomKillDisable = h.OomKillDisable,
        NanoCpus = h.NanoCpus,
        CpuShares = h.CpuShares,
        CpuPeriod = h.CpuPeriod,
        CpuQuota = h.CpuQuota,
        CpusetCpus = h.CpusetCpus ?? "",
        CpusetMems = h.CpusetMems ?? "",
        PidsLimit = h.PidsLimit,
        BlkioWeight = h.BlkioWeight,
        Ulimits = h.Ulimits?.Select(u => new Engine.Runtime.Spec.Ulimit(u.Name, u.Soft, u.Hard)).ToList(),
        Devices = h.Devices?.Select(d => new ContainerDevice(d.PathOnHost, d.PathInContainer, string.IsNullOrEmpty(d.CgroupPermissions) ? "rwm" : d.CgroupPermissions)).ToList(),
        DeviceCgroupRules = h.DeviceCgroupRules,
    };

    /// <summary>Fills the wire host config's resources and isolation fields from the engine's (inspect).</summary>
    public static Wire.HostConfig WithResources(Wire.HostConfig wire, ContainerHostConfig h)
    {
        var r = h.Resources;
        wire.Memory = r.Memory;
        wire.MemorySwap = r.MemorySwap;
        wire.MemoryReservation = r.MemoryReservation;
        wire.MemorySwappiness = r.MemorySwappiness;
        wire.OomKillDisable = r.OomKillDisable ?? false;
        wire.NanoCpus = r.NanoCpus;
        wire.CpuShares = r.CpuShares;
        wire.CpuPeriod = r.CpuPeriod;
        wire.CpuQuota = r.CpuQuota;
        wire.CpusetCpus = r.CpusetCpus;
        wire.CpusetMems = r.CpusetMems;
        wire.PidsLimit = r.PidsLimit is > 0 ? r.PidsLimit : null;
        wire.BlkioWeight = r.BlkioWeight;
        wire.Ulimits = r.Ulimits?.Select(u => new Wire.Ulimit { Name = u.Name, Soft = u.Soft, Hard = u.Hard }).ToList() ?? [];
        wire.Devices = r.Devices?.Select(d => new Wire.DeviceMapping { PathOnHost = d.PathOnHost, PathInContainer = d.PathInContainer, CgroupPermissions = d.CgroupPermissions }).ToList() ?? [];
        wire.DeviceCgroupRules = r.DeviceCgroupRules?.ToList();
        wire.SecurityOpt = h.SecurityOpt?.ToList();
        wire.GroupAdd = h.GroupAdd?.ToList();
        wire.Sysctls = h.Sysctls?.ToDictionary();
        wire.IpcMode = string.IsNullOrEmpty(h.IpcMode) ? "private" : h.IpcMode;
        wire.PidMode = h.PidMode;
        wire.UtsMode = h.UtsMode;
        wire.OomScoreAdj = h.OomScoreAdj;
        wire.CgroupParent = h.CgroupParent;
        if (!h.Privileged)
        {
            wire.MaskedPaths ??= ["/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
                "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap"];
            wire.ReadonlyPaths ??= ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"];
        }
        return wire;
    }
}
