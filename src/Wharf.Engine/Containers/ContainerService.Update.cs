using Wharf.Core.Errors;
using Wharf.Engine.Runtime.Cgroups;
using Wharf.Engine.Runtime.Spec;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// Docker's <c>update</c>: validates the new limits (400 with Docker's text), merges the non-zero ones into the stored host
    /// config, applies them to a running container with <c>runc update</c> (nothing is stored when that fails) and returns the
    /// warnings. A stopped container gets them at its next start.
    /// </summary>
    public async Task<IReadOnlyList<string>> UpdateAsync(string nameOrId, ContainerUpdateOptions update, CancellationToken ct = default)
    {
        var warnings = new List<string>();
        var id = _store.Resolve(nameOrId).Id;
        var requested = ResourceValidator.ValidateResources(update.Resources, CgroupSysInfo, Environment.ProcessorCount, update: true, warnings);
        using (await LockAsync(id, ct).ConfigureAwait(false))
        {
            var container = _store.Get(id) ?? throw new NotFoundException($"No such container: {nameOrId}");
            var merged = MergeResources(container, requested);
            var host = container.HostConfig with { Resources = merged };
            if (update.RestartPolicy is { Name.Length: > 0 } policy)
            {
                ValidateRestartPolicy(policy);
                if (container.HostConfig.AutoRemove && policy.Name != "no")
                    throw new InvalidArgumentException($"Cannot update container {id}: Restart policy cannot be updated because AutoRemove is enabled for the container");
                host = host with { RestartPolicy = policy };
            }
            if (container.State.Running && merged != container.HostConfig.Resources)
            {
                var limits = OciSpecBuilder.LimitResources(WithLimits(new ContainerSpecRequest { Id = id, RootfsPath = "", Args = ["-"] }, merged));
                await RuncUpdater.UpdateAsync(RuncBinary(container.HostConfig), _options.RuntimeRoot, id, limits, ct).ConfigureAwait(false);
            }
            _store.Update(container with { HostConfig = host });
            Emit("update", container);
        }
        return warnings;
    }

    private static ContainerResources MergeResources(ContainerRecord container, ContainerResources u)
    {
        var c = container.HostConfig.Resources;
        string Fail(string why) => throw new InvalidArgumentException($"Cannot update container {container.Id}: {why}");
        if (u.NanoCpus != 0 && c.CpuQuota != 0)
            Fail("Conflicting options: Nano CPUs cannot be updated as CPU Quota has already been set");
        if (u.CpuQuota != 0 && c.NanoCpus != 0)
            Fail("Conflicting options: CPU Quota cannot be updated as NanoCPUs has already been set");
        if (u.Memory != 0 && c.MemorySwap > 0 && u.Memory > c.MemorySwap && u.MemorySwap == 0)
            Fail("Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time");
        var memory = u.Memory != 0 ? u.Memory : c.Memory;
        var swap = u.MemorySwap != 0 ? u.MemorySwap : c.MemorySwap;
        if (memory > 0 && swap > 0 && swap < memory)
            Fail("Minimum memoryswap limit should be larger than memory limit, see usage");
        var reservation = u.MemoryReservation != 0 ? u.MemoryReservation : c.MemoryReservation;
        if (memory > 0 && reservation > memory)
            Fail("Minimum memory limit can not be less than memory reservation limit, see usage");
        return c with
        {
            BlkioWeight = u.BlkioWeight != 0 ? u.BlkioWeight : c.BlkioWeight,
            CpuShares = u.CpuShares != 0 ? u.CpuShares : c.CpuShares,
            NanoCpus = u.NanoCpus != 0 ? u.NanoCpus : c.NanoCpus,
            CpuPeriod = u.CpuPeriod != 0 ? u.CpuPeriod : c.CpuPeriod,
            CpuQuota = u.CpuQuota != 0 ? u.CpuQuota : c.CpuQuota,
            CpusetCpus = u.CpusetCpus.Length > 0 ? u.CpusetCpus : c.CpusetCpus,
            CpusetMems = u.CpusetMems.Length > 0 ? u.CpusetMems : c.CpusetMems,
            Memory = memory,
            MemorySwap = swap,
            MemoryReservation = reservation,
            PidsLimit = u.PidsLimit ?? c.PidsLimit,
        };
    }

    private static void ValidateRestartPolicy(RestartPolicy policy)
    {
        if (policy.Name is not ("no" or "always" or "unless-stopped" or "on-failure"))
            throw new InvalidArgumentException($"invalid restart policy '{policy.Name}'");
        if (policy.MaximumRetryCount < 0)
            throw new InvalidArgumentException("maximum retry count cannot be negative");
        if (policy.MaximumRetryCount > 0 && policy.Name != "on-failure")
            throw new InvalidArgumentException($"maximum retry count cannot be used with restart policy '{policy.Name}'");
    }

    private string RuncBinary(ContainerHostConfig host)
    {
        var name = RuntimePath(host) ?? _options.DefaultRuntime;
        return _options.Runtimes.TryGetValue(name, out var mapped) ? mapped : name;
    }
}
