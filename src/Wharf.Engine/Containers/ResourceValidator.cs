using System.Globalization;
using Wharf.Core.Errors;
using Wharf.Engine.Runtime.Cgroups;
using Wharf.Engine.Runtime.Spec;

namespace Wharf.Engine.Containers;

/// <summary>
/// Docker's checks of a HostConfig's resources and isolation settings (moby <c>verifyPlatformContainerResources</c>,
/// <c>verifyPlatformContainerSettings</c>): errors with Docker's text (400, nothing created), warnings for settings this
/// kernel cannot honour (which are then discarded), and the defaults Docker fills in at create.
/// </summary>
public static class ResourceValidator
{
    /// <summary>Docker's smallest memory limit and reservation (6 MiB).</summary>
    public const long MinimumMemory = 6L * 1024 * 1024;

    private static readonly HashSet<string> s_ipcSysctls = new(StringComparer.Ordinal)
    {
        "kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem", "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced",
    };

    /// <summary>Validates a create request's host config; returns it with Docker's create-time defaults and discarded settings applied.</summary>
    /// <exception cref="InvalidArgumentException">Docker's message for the first invalid setting.</exception>
    public static ContainerHostConfig ValidateCreate(ContainerHostConfig hostConfig, CgroupSysInfo sys, int cpuCount, List<string> warnings)
    {
        var resources = ValidateResources(hostConfig.Resources, sys, cpuCount, update: false, warnings);
        if (resources.Memory > 0 && resources.MemorySwap == 0 && sys.SwapLimit)
            // Docker's default: as much swap as memory.
            resources = resources with { MemorySwap = resources.Memory * 2 };
        if (hostConfig.ShmSize < 0)
            throw new InvalidArgumentException("SHM size can not be less than 0");
        if (hostConfig.OomScoreAdj is < -1000 or > 1000)
            throw new InvalidArgumentException($"Invalid value {hostConfig.OomScoreAdj}, range for oom score adj is [-1000, 1000]");
        ValidateMode(hostConfig.IpcMode, "IPC", "private", "shareable", "host", "none");
        ValidateMode(hostConfig.PidMode, "PID", "host");
        ValidateMode(hostConfig.UtsMode, "UTS", "host");
        if (hostConfig.UtsMode.StartsWith("container:", StringComparison.Ordinal))
            throw new InvalidArgumentException($"invalid UTS mode: {hostConfig.UtsMode}");
        ParseSecurityOpt(hostConfig.SecurityOpt);
        foreach (var c in (hostConfig.CapAdd ?? []).Concat(hostConfig.CapDrop ?? []))
            Capabilities.Normalize(c);
        ValidateSysctls(hostConfig);
        foreach (var u in resources.Ulimits ?? [])
        {
            Rlimits.Resource(u.Name);
            if (u.Soft > u.Hard && u.Hard >= 0)
                throw new InvalidArgumentException($"ulimit soft limit must be less than or equal to hard limit: {u.Soft} > {u.Hard}");
        }
        foreach (var d in resources.Devices ?? [])
        {
            if (d.CgroupPermissions.Any(c => c is not ('r' or 'w' or 'm')))
                throw new InvalidArgumentException($"invalid device mode: {d.CgroupPermissions}");
            DeviceNodes.FromUserPath(d.PathOnHost, d.PathInContainer);
        }
        foreach (var rule in resources.DeviceCgroupRules ?? [])
            OciSpecBuilder.ParseDeviceCgroupRule(rule);
        return hostConfig with { Resources = resources };
    }

    /// <summary>
    /// Docker's resource checks; <paramref name="update"/> relaxes the rules that only apply at create. Returns the resources
    /// with unsupported settings discarded (each with a warning).
    /// </summary>
    public static ContainerResources ValidateResources(ContainerResources r, CgroupSysInfo sys, int cpuCount, bool update, List<string> warnings)
    {
        // Memory.
        if (r.Memory != 0 && r.Memory < MinimumMemory)
            throw new InvalidArgumentException("Minimum memory limit allowed is 6MB");
        if (r.Memory > 0 && !sys.MemoryLimit)
        {
            warnings.Add("Your kernel does not support memory limit capabilities or the cgroup is not mounted. Limitation discarded.");
            r = r with { Memory = 0, MemorySwap = -1 };
        }
        if (r.Memory > 0 && r.MemorySwap != -1 && !sys.SwapLimit)
        {
            warnings.Add("Your kernel does not support swap limit capabilities or the cgroup is not mounted. Memory limited without swap.");
            r = r with { MemorySwap = -1 };
        }
        if (r.Memory > 0 && r.MemorySwap > 0 && r.MemorySwap < r.Memory)
            throw new InvalidArgumentException("Minimum memoryswap limit should be larger than memory limit, see usage");
        if (r.Memory == 0 && r.MemorySwap > 0 && !update)
            throw new InvalidArgumentException("You should always set the Memory limit when using Memoryswap limit, see usage");
        if (r.MemorySwappiness is { } swappiness && swappiness != -1)
        {
            if (!sys.MemorySwappiness)
            {
                warnings.Add("Your kernel does not support memory swappiness capabilities or the cgroup is not mounted. Memory swappiness discarded.");
                r = r with { MemorySwappiness = null };
            }
            else if (swappiness is < 0 or > 100)
            {
                throw new InvalidArgumentException($"Invalid value: {swappiness}, valid memory swappiness range is 0-100");
            }
        }
        if (r.MemoryReservation > 0 && !sys.MemoryReservation)
        {
            warnings.Add("Your kernel does not support memory soft limit capabilities or the cgroup is not mounted. Limitation discarded.");
            r = r with { MemoryReservation = 0 };
        }
        if (r.MemoryReservation > 0 && r.MemoryReservation < MinimumMemory)
            throw new InvalidArgumentException("Minimum memory reservation allowed is 6MB");
        if (r.Memory > 0 && r.MemoryReservation > 0 && r.Memory < r.MemoryReservation)
            throw new InvalidArgumentException("Minimum memory limit can not be less than memory reservation limit, see usage");
        if (r.OomKillDisable == true && !sys.OomKillDisable)
        {
            warnings.Add("Your kernel does not support OomKillDisable. OomKillDisable discarded.");
            r = r with { OomKillDisable = false };
        }
        if (r.OomKillDisable == true && r.Memory == 0)
            warnings.Add("OOM killer is disabled for the container, but no memory limit is set, this can result in the system running out of resources.");

        // PIDs.
        if (r.PidsLimit is { } pids && pids != 0 && !sys.PidsLimit)
        {
            warnings.Add("Your kernel does not support PIDs limit capabilities or the cgroup is not mounted. PIDs limit discarded.");
            r = r with { PidsLimit = null };
        }

        // CPU.
        if (r.NanoCpus > 0 && r.CpuPeriod > 0)
            throw new InvalidArgumentException("Conflicting options: Nano CPUs and CPU Period cannot both be set");
        if (r.NanoCpus > 0 && r.CpuQuota > 0)
            throw new InvalidArgumentException("Conflicting options: Nano CPUs and CPU Quota cannot both be set");
        if (r.NanoCpus < 0 || r.NanoCpus > (long)cpuCount * 1_000_000_000)
            throw new InvalidArgumentException(string.Format(CultureInfo.InvariantCulture,
                "Range of CPUs is from 0.01 to {0}.00, as there are only {0} CPUs available", cpuCount));
        if (r.NanoCpus > 0 && !sys.CpuCfs)
        {
            warnings.Add("Your kernel does not support CPU CFS scheduler. CPUs discarded.");
            r = r with { NanoCpus = 0 };
        }
        if (r.CpuShares > 0 && !sys.CpuShares)
        {
            warnings.Add("Your kernel does not support CPU shares or the cgroup is not mounted. Shares discarded.");
            r = r with { CpuShares = 0 };
        }
        if ((r.CpuPeriod > 0 || r.CpuQuota > 0) && !sys.CpuCfs)
        {
            warnings.Add("Your kernel does not support CPU CFS scheduler. CPU period/quota discarded.");
            r = r with { CpuPeriod = 0, CpuQuota = 0 };
        }
        if (r.CpuPeriod != 0 && (r.CpuPeriod < 1000 || r.CpuPeriod > 1_000_000))
            throw new InvalidArgumentException("CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)");
        if (r.CpuQuota > 0 && r.CpuQuota < 1000)
            throw new InvalidArgumentException("CPU cfs quota can not be less than 1ms (i.e. 1000)");
        if ((r.CpusetCpus.Length > 0 || r.CpusetMems.Length > 0) && !sys.Cpuset)
        {
            warnings.Add("Your kernel does not support cpuset or the cgroup is not mounted. Cpuset discarded.");
            r = r with { CpusetCpus = "", CpusetMems = "" };
        }
        CheckCpuset(r.CpusetCpus, sys.CpusAvailable, "cpus", "CPUs");
        CheckCpuset(r.CpusetMems, sys.MemsAvailable, "mems", "memory nodes");

        // Block I/O.
        if (r.BlkioWeight > 0 && !sys.BlkioWeight)
        {
            warnings.Add("Your kernel does not support Block I/O weight or the cgroup is not mounted. Weight discarded.");
            r = r with { BlkioWeight = 0 };
        }
        if (r.BlkioWeight > 0 && (r.BlkioWeight < 10 || r.BlkioWeight > 1000))
            throw new InvalidArgumentException("Range of blkio weight is from 10 to 1000");
        return r;
    }

    /// <summary>Docker's <c>--security-opt</c> parsing: no-new-privileges, seccomp profile (null = default), label and apparmor values are accepted and ignored.</summary>
    public static (bool NoNewPrivileges, string? Seccomp) ParseSecurityOpt(IReadOnlyList<string>? options)
    {
        var noNewPrivileges = false;
        string? seccomp = null;
        foreach (var opt in options ?? [])
        {
            if (opt == "no-new-privileges")
            {
                noNewPrivileges = true;
                continue;
            }
            if (opt == "disable")
                continue;
            var sep = opt.Contains('=') ? '=' : ':';
            var parts = opt.Split(sep, 2);
            if (parts.Length != 2)
                throw new InvalidArgumentException($"invalid --security-opt 1: \"{opt}\"");
            switch (parts[0])
            {
                case "label":
                case "apparmor":
                    break;
                case "seccomp":
                    seccomp = parts[1];
                    break;
                case "no-new-privileges":
                    noNewPrivileges = parts[1].ToLowerInvariant() switch
                    {
                        "1" or "t" or "true" => true,
                        "0" or "f" or "false" => false,
                        _ => throw new InvalidArgumentException($"invalid --security-opt 2: \"{opt}\""),
                    };
                    break;
                default:
                    throw new InvalidArgumentException($"invalid --security-opt 2: \"{opt}\"");
            }
        }
        if (seccomp is { Length: > 0 } && seccomp != SeccompProfiles.Unconfined)
            // Fails early on a malformed profile.
            SeccompProfiles.FromDockerJson(seccomp, Capabilities.Default, SeccompProfiles.NativeArch(), SeccompProfiles.KernelVersion());
        return (noNewPrivileges, seccomp);
    }

    /// <summary>Only namespaced sysctls may be set, and not for a namespace shared with the host.</summary>
    public static void ValidateSysctls(ContainerHostConfig hostConfig)
    {
        foreach (var key in (hostConfig.Sysctls ?? new Dictionary<string, string>()).Keys)
        {
            if (s_ipcSysctls.Contains(key) || key.StartsWith("fs.mqueue.", StringComparison.Ordinal))
            {
                if (hostConfig.IpcMode == "host")
                    throw new InvalidArgumentException($"sysctl \"{key}\" not allowed in host IPC namespace");
                continue;
            }
            if (key.StartsWith("net.", StringComparison.Ordinal))
            {
                if (hostConfig.NetworkMode == "host")
                    throw new InvalidArgumentException($"sysctl \"{key}\" not allowed in host network namespace");
                continue;
            }
            if (key is "kernel.domainname" or "kernel.hostname" && hostConfig.UtsMode != "host")
                continue;
            throw new InvalidArgumentException($"sysctl '{key}' is not whitelisted");
        }
    }

    private static void ValidateMode(string mode, string kind, params string[] allowed)
    {
        if (mode.Length == 0 || allowed.Contains(mode))
            return;
        if (mode.StartsWith("container:", StringComparison.Ordinal) && mode.Length > "container:".Length)
            return;
        throw new InvalidArgumentException($"invalid {kind} mode: {mode}");
    }

    private static void CheckCpuset(string requested, string available, string kind, string what)
    {
        if (requested.Length == 0)
            return;
        var want = CpuSet.Parse(requested) ?? throw new InvalidArgumentException($"Invalid value {requested} for cpuset {kind}");
        var have = CpuSet.Parse(available) ?? [];
        if (!want.IsSubsetOf(have))
            throw new InvalidArgumentException($"Requested {what} are not available - requested {requested}, available: {available}");
    }
}
