using System.Globalization;
using Wharf.Core.Errors;

namespace Wharf.Engine.Runtime.Spec;

public sealed partial class OciSpecBuilder
{
    /// <summary>Docker's CFS period for <c>--cpus</c> (100 ms).</summary>
    public const long DefaultCpuPeriod = 100_000;

    /// <summary>
    /// The memory, CPU, pids and block I/O part of <c>linux.resources</c> for <paramref name="request"/> (no device rules):
    /// what <c>runc update --resources</c> takes too. Unset values stay null so that an update leaves them alone.
    /// </summary>
    public static OciResources LimitResources(ContainerSpecRequest request)
    {
        var resources = new OciResources();
        if (request.Memory != 0 || request.MemorySwap != 0 || request.MemoryReservation != 0 || request.OomKillDisable
            || request.MemorySwappiness is >= 0)
        {
            resources.Memory = new OciMemory
            {
                Limit = request.Memory != 0 ? request.Memory : null,
                Reservation = request.MemoryReservation != 0 ? request.MemoryReservation : null,
                Swap = request.MemorySwap != 0 ? request.MemorySwap : null,
                Swappiness = request.MemorySwappiness is >= 0 and var sw ? (ulong)sw : null,
                DisableOOMKiller = request.OomKillDisable ? true : null,
            };
        }
        if (request.CpuShares > 0 || request.NanoCpus > 0 || request.CpuPeriod > 0 || request.CpuQuota != 0
            || !string.IsNullOrEmpty(request.CpusetCpus) || !string.IsNullOrEmpty(request.CpusetMems))
        {
            var cpu = new OciCpu();
            if (request.CpuShares > 0)
                cpu.Shares = (ulong)request.CpuShares;
            if (request.NanoCpus > 0)
            {
                cpu.Period = DefaultCpuPeriod;
                cpu.Quota = request.NanoCpus * DefaultCpuPeriod / 1_000_000_000;
            }
            if (request.CpuPeriod > 0)
                cpu.Period = (ulong)request.CpuPeriod;
            if (request.CpuQuota != 0)
                cpu.Quota = request.CpuQuota;
            if (!string.IsNullOrEmpty(request.CpusetCpus))
                cpu.Cpus = request.CpusetCpus;
            if (!string.IsNullOrEmpty(request.CpusetMems))
                cpu.Mems = request.CpusetMems;
            resources.Cpu = cpu;
        }
        if (request.PidsLimit != 0)
            // runc needs -1 to lift an earlier limit; Docker treats 0 and negatives as "unlimited".
            resources.Pids = new OciPids { Limit = request.PidsLimit > 0 ? request.PidsLimit : -1 };
        if (request.BlkioWeight > 0)
            resources.BlockIo = new OciBlockIo { Weight = (ushort)request.BlkioWeight };
        return resources;
    }

    /// <summary>Parses a <c>--device-cgroup-rule</c> (<c>c 1:3 rwm</c>, <c>a *:* m</c>) with Docker's error text.</summary>
    public static OciDeviceCgroup ParseDeviceCgroupRule(string rule)
    {
        var parts = rule.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var numbers = parts.Length == 3 ? parts[1].Split(':') : [];
        if (parts.Length != 3 || parts[0] is not ("a" or "b" or "c") || numbers.Length != 2
            || parts[2].Length == 0 || parts[2].Any(c => c is not ('r' or 'w' or 'm')))
            throw new InvalidArgumentException($"invalid device cgroup format '{rule}'");
        long? Number(string n)
        {
            if (n == "*")
                return null;
            return long.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                ? v : throw new InvalidArgumentException($"invalid device cgroup format '{rule}'");
        }
        return new OciDeviceCgroup { Allow = true, Type = parts[0], Major = Number(numbers[0]), Minor = Number(numbers[1]), Access = parts[2] };
    }

    private static OciSeccomp? Seccomp(ContainerSpecRequest request, IReadOnlyCollection<string> caps)
    {
        var profile = request.SeccompProfile;
        if (profile == SeccompProfiles.Unconfined || (request.Privileged && string.IsNullOrEmpty(profile)))
            return null;
        return string.IsNullOrEmpty(profile)
            ? SeccompProfiles.Default(caps)
            : SeccompProfiles.FromDockerJson(profile, caps, SeccompProfiles.NativeArch(), SeccompProfiles.KernelVersion());
    }

    /// <summary>Creates <c>--device</c> nodes (every host device with <c>--privileged</c>) and allows them, and the <c>--device-cgroup-rule</c>s, in the device cgroup.</summary>
    private static void AddDevices(OciLinux linux, ContainerSpecRequest request)
    {
        var devices = new List<OciDevice>();
        var rules = linux.Resources!.Devices ??= [];
        if (request.Privileged)
            devices.AddRange(DeviceNodes.Host());
        foreach (var mapping in request.Devices)
        {
            var permissions = string.IsNullOrEmpty(mapping.Permissions) ? "rwm" : mapping.Permissions;
            foreach (var device in DeviceNodes.FromUserPath(mapping.PathOnHost, mapping.PathInContainer))
            {
                devices.RemoveAll(d => d.Path == device.Path);
                devices.Add(device);
                if (!request.Privileged)
                    rules.Add(new OciDeviceCgroup { Allow = true, Type = device.Type, Major = device.Major, Minor = device.Minor, Access = permissions });
            }
        }
        if (!request.Privileged)
        {
            foreach (var rule in request.DeviceCgroupRules)
                rules.Add(ParseDeviceCgroupRule(rule));
        }
        linux.Devices = devices.Count > 0 ? devices : null;
    }
}
