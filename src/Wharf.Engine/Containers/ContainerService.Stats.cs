using Wharf.Core.Errors;
using Wharf.Engine.Runtime.Cgroups;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>A stats sample of a container (404 when unknown); a container that does not run gives an empty sample.</summary>
    public ContainerStatsSnapshot ReadStats(string nameOrId)
    {
        var container = _store.Resolve(nameOrId);
        var now = DateTimeOffset.UtcNow;
        var snapshot = new ContainerStatsSnapshot { Id = container.Id, Name = container.DockerName, Read = now };
        if (!container.State.Running || container.State.Pid <= 0 || CgroupLayout.ForProcess(container.State.Pid) is not { } dirs)
            return snapshot;
        var cgroup = CgroupStatsReader.Read(dirs);
        IReadOnlyDictionary<string, NetworkCounters>? networks = null;
        if (container.HostConfig.NetworkMode != "host")
        {
            try
            {
                var counters = NetworkCounters.ParseNetDev(File.ReadAllLines($"/proc/{container.State.Pid}/net/dev"));
                networks = counters.Count > 0 ? counters : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        return snapshot with
        {
            Cgroup = cgroup,
            SystemCpuUsage = CgroupStatsReader.SystemCpuUsage(),
            OnlineCpus = OnlineCpus(),
            HostMemory = CgroupStatsReader.HostMemory(),
            Networks = networks,
        };
    }

    private static uint OnlineCpus()
    {
        try
        {
            var set = CpuSet.Parse(File.ReadAllText("/sys/devices/system/cpu/online"));
            if (set is { Count: > 0 })
                return (uint)set.Count;
        }
        catch (IOException)
        {
        }
        return (uint)Environment.ProcessorCount;
    }

    /// <summary>The PIDs (host namespace) of every process in the container's cgroup, init first; empty when it does not run.</summary>
    public IReadOnlyList<int> ContainerPids(ContainerRecord container)
    {
        if (!container.State.Running || container.State.Pid <= 0)
            return [];
        var pids = new List<int> { container.State.Pid };
        var dirs = CgroupLayout.ForProcess(container.State.Pid);
        var dir = dirs?.For("pids") ?? dirs?.For("memory") ?? dirs?.For("cpu");
        if (dir is null || !Directory.Exists(dir))
            return pids;
        foreach (var file in Directory.EnumerateFiles(dir, "cgroup.procs", SearchOption.AllDirectories))
        {
            try
            {
                foreach (var line in File.ReadAllLines(file))
                {
                    if (int.TryParse(line.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) && !pids.Contains(pid))
                        pids.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        return pids;
    }

    private ContainerRecord RequireRunning(string nameOrId)
    {
        var container = _store.Resolve(nameOrId);
        if (!container.State.Running)
            throw new ConflictException($"Container {container.Id} is not running");
        return container;
    }
}
