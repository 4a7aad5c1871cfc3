using System.Text.Json;
using Wharf.Api.Json;
using Wharf.Api.Models;
using Wharf.Api.Streams;
using Wharf.Core.Errors;
using Wharf.Daemon.Http;
using Wharf.Engine.Containers;

namespace Wharf.Daemon.Routers.Containers;

public sealed partial class ContainersRouter
{
    private static readonly TimeSpan s_statsInterval = TimeSpan.FromSeconds(1);

    /// <summary>The <c>stats</c>, <c>top</c> and <c>update</c> routes.</summary>
    private void MapResources(RouteTable routes)
    {
        routes.Get("/containers/{id}/stats", StatsAsync);
        routes.Get("/containers/{id}/top", TopAsync);
        routes.Post("/containers/{id}/update", UpdateAsync);
    }

    private async Task StatsAsync(ApiRequest request)
    {
        var id = containers.Get(request.Route("id")).Id;
        var stream = request.Bool("stream", true);
        var oneShot = request.Bool("one-shot");
        if (oneShot && stream)
            throw new InvalidArgumentException("cannot have stream=true and one-shot=true");
        var response = request.Context.Response;
        var first = containers.ReadStats(id);
        ContainerStatsSnapshot? previous = null;
        if (!stream && !oneShot && first.Cgroup is not null)
        {
            // Docker primes the CPU counters so that a single frame carries a usable precpu delta.
            previous = first;
            await Task.Delay(s_statsInterval, request.Aborted);
            first = containers.ReadStats(id);
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers.ContentType = StreamContentTypes.Json;
        var current = first;
        while (true)
        {
            var frame = ToStatsResponse(current, previous);
            var bytes = JsonSerializer.SerializeToUtf8Bytes(frame, WharfApiJsonContext.Default.ContainerStatsResponse);
            try
            {
                await response.Body.WriteAsync(bytes, request.Aborted);
                await response.Body.WriteAsync("\n"u8.ToArray(), request.Aborted);
                await response.Body.FlushAsync(request.Aborted);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
            {
                return;
            }
            if (!stream)
                return;
            try
            {
                await Task.Delay(s_statsInterval, request.Aborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            previous = current;
            try
            {
                current = containers.ReadStats(id);
            }
            catch (NotFoundException)
            {
                return;
            }
        }
    }

    /// <summary>Docker's <c>StatsJSON</c> for a sample and the one before it.</summary>
    internal static ContainerStatsResponse ToStatsResponse(ContainerStatsSnapshot now, ContainerStatsSnapshot? previous)
    {
        var frame = new ContainerStatsResponse { Id = now.Id, Name = now.Name };
        if (now.Cgroup is not { } cg)
            return frame;
        frame.Read = DockerTime.FormatFixedNano(now.Read);
        frame.CpuStats = ToCpuStats(now);
        if (previous?.Cgroup is not null)
        {
            frame.PreRead = DockerTime.FormatFixedNano(previous.Read);
            frame.PreCpuStats = ToCpuStats(previous);
        }
        var limit = cg.MemoryLimit;
        if (now.HostMemory > 0 && (limit == 0 || limit > now.HostMemory))
            limit = now.HostMemory;
        frame.MemoryStats = new MemoryStats
        {
            Usage = cg.MemoryUsage,
            MaxUsage = cg.MemoryMaxUsage,
            Failcnt = cg.MemoryFailcnt,
            Limit = limit,
            Stats = cg.MemoryStat.ToDictionary(),
        };
        frame.BlkioStats = new BlkioStats
        {
            IoServiceBytesRecursive = cg.IoServiceBytes.Select(ToEntry).ToList(),
            IoServicedRecursive = cg.IoServiced.Select(ToEntry).ToList(),
        };
        frame.PidsStats = new PidsStats { Current = cg.PidsCurrent, Limit = cg.PidsLimit == ulong.MaxValue ? 0 : cg.PidsLimit };
        frame.Networks = now.Networks?.ToDictionary(n => n.Key, n => new NetworkStats
        {
            RxBytes = n.Value.RxBytes,
            RxPackets = n.Value.RxPackets,
            RxErrors = n.Value.RxErrors,
            RxDropped = n.Value.RxDropped,
            TxBytes = n.Value.TxBytes,
            TxPackets = n.Value.TxPackets,
            TxErrors = n.Value.TxErrors,
            TxDropped = n.Value.TxDropped,
        });
        return frame;
    }

    private static BlkioStatEntry ToEntry(Wharf.Engine.Runtime.Cgroups.BlkioEntry e) =>
        new() { Major = e.Major, Minor = e.Minor, Op = e.Op, Value = e.Value };

    private static CpuStats ToCpuStats(ContainerStatsSnapshot s) => new()
    {
        CpuUsage = new CpuUsage
        {
            TotalUsage = s.Cgroup!.CpuTotal,
            PercpuUsage = s.Cgroup.PerCpu is { Count: > 0 } per ? per.ToList() : null,
            UsageInKernelmode = s.Cgroup.CpuKernel,
            UsageInUsermode = s.Cgroup.CpuUser,
        },
        SystemCpuUsage = s.SystemCpuUsage,
        OnlineCpus = s.OnlineCpus,
        ThrottlingData = new ThrottlingData
        {
            Periods = s.Cgroup.ThrottlePeriods,
            ThrottledPeriods = s.Cgroup.ThrottledPeriods,
            ThrottledTime = s.Cgroup.ThrottledTime,
        },
    };

    private async Task TopAsync(ApiRequest request)
    {
        var result = await containers.TopAsync(request.Route("id"), request.Query("ps_args"), request.Aborted);
        await ApiResponses.WriteJsonAsync(request.Context, new ContainerTopResponse
        {
            Titles = result.Titles.ToList(),
            Processes = result.Processes.Select(p => p.ToList()).ToList(),
        }, WharfApiJsonContext.Default.ContainerTopResponse);
    }

    private async Task UpdateAsync(ApiRequest request)
    {
        var body = await request.ReadJsonAsync(WharfApiJsonContext.Default.ContainerUpdateRequest) ?? new ContainerUpdateRequest();
        if (body.KernelMemory != 0)
            throw new InvalidArgumentException("Kernel memory limit is not supported");
        var update = new ContainerUpdateOptions
        {
            Resources = new ContainerResources
            {
                BlkioWeight = body.BlkioWeight,
                CpuShares = body.CpuShares,
                CpuPeriod = body.CpuPeriod,
                CpuQuota = body.CpuQuota,
                NanoCpus = body.NanoCpus,
                CpusetCpus = body.CpusetCpus ?? "",
                CpusetMems = body.CpusetMems ?? "",
                Memory = body.Memory,
                MemorySwap = body.MemorySwap,
                MemoryReservation = body.MemoryReservation,
                PidsLimit = body.PidsLimit,
            },
            RestartPolicy = body.RestartPolicy is { Name.Length: > 0 } p ? new Engine.Containers.RestartPolicy(p.Name, p.MaximumRetryCount) : null,
        };
        var warnings = await containers.UpdateAsync(request.Route("id"), update, CancellationToken.None);
        await ApiResponses.WriteJsonAsync(request.Context, new ContainerUpdateResponse { Warnings = warnings.ToList() },
            WharfApiJsonContext.Default.ContainerUpdateResponse);
    }
}
