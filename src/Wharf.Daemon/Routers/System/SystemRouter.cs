using Wharf.Api;
using Wharf.Api.Json;
using Wharf.Api.Models;
using Wharf.Daemon.Configuration;
using Wharf.Daemon.Hosting;
using Wharf.Daemon.Http;

namespace Wharf.Daemon.Routers.System;

/// <summary><c>/_ping</c>, <c>/version</c> and <c>/info</c>.</summary>
public sealed class SystemRouter(DaemonOptions options, ISystemBackend? backend, string engineId) : IApiRouter
{
    private static readonly string BuildTime = File.GetLastWriteTimeUtc(Environment.ProcessPath ?? AppContext.BaseDirectory).ToString("yyyy-MM-ddTHH:mm:ss.000000000+00:00", global::System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public void Map(RouteTable routes)
    {
        routes.Get("/_ping", PingAsync);
        routes.Head("/_ping", PingAsync);
        routes.Get("/version", VersionAsync);
        routes.Get("/info", InfoAsync);
    }

    private static async Task PingAsync(ApiRequest request)
    {
        var response = request.Context.Response;
        response.Headers["Builder-Version"] = "1";
        response.Headers["Swarm"] = "inactive";
        response.Headers.CacheControl = "no-cache, no-store, must-revalidate";
        response.Headers.Pragma = "no-cache";
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers.ContentType = "text/plain; charset=utf-8";
        if (HttpMethods.IsHead(request.Context.Request.Method))
        {
            response.ContentLength = 0;
            return;
        }
        response.ContentLength = 2;
        await response.Body.WriteAsync("OK"u8.ToArray(), request.Aborted);
    }

    private static Task VersionAsync(ApiRequest request)
    {
        var goVersion = "dotnet" + Environment.Version;
        var version = new SystemVersion
        {
            Platform = new PlatformName { Name = "Wharf Engine" },
            Version = WharfVersion.Version,
            ApiVersion = ApiVersions.Current,
            MinApiVersion = ApiVersions.Minimum,
            GitCommit = WharfVersion.GitCommit,
            GoVersion = goVersion,
            Os = "linux",
            Arch = HostFacts.GoArch,
            KernelVersion = HostFacts.KernelVersion,
            BuildTime = BuildTime,
            Components =
            [
                new ComponentVersion
                {
                    Name = "Engine",
                    Version = WharfVersion.Version,
                    Details = new Dictionary<string, string>
                    {
                        ["ApiVersion"] = ApiVersions.Current,
                        ["Arch"] = HostFacts.GoArch,
                        ["BuildTime"] = BuildTime,
                        ["Experimental"] = "false",
                        ["GitCommit"] = WharfVersion.GitCommit,
                        ["GoVersion"] = goVersion,
                        ["KernelVersion"] = HostFacts.KernelVersion,
                        ["MinAPIVersion"] = ApiVersions.Minimum,
                        ["Os"] = "linux",
                    },
                },
            ],
        };
        return ApiResponses.WriteJsonAsync(request.Context, version, WharfApiJsonContext.Default.SystemVersion);
    }

    private Task InfoAsync(ApiRequest request)
    {
        var counts = backend?.ContainerCounts() ?? (0, 0, 0, 0);
        var info = new SystemInfo
        {
            Id = engineId,
            Containers = counts.Total,
            ContainersRunning = counts.Running,
            ContainersPaused = counts.Paused,
            ContainersStopped = counts.Stopped,
            Images = backend?.ImageCount() ?? 0,
            Driver = backend?.StorageDriver ?? options.StorageDriver,
            DriverStatus = backend?.DriverStatus.ToList() ?? [],
            MemoryLimit = true,
            SwapLimit = File.Exists("/sys/fs/cgroup/memory/memory.memsw.limit_in_bytes") || HostFacts.CgroupVersion == "2",
            CpuCfsPeriod = true,
            CpuCfsQuota = true,
            CpuShares = true,
            CpuSet = true,
            PidsLimit = true,
            OomKillDisable = HostFacts.CgroupVersion == "1",
            IPv4Forwarding = HostFacts.Ipv4Forwarding,
            Debug = options.Debug,
            NFd = HostFacts.OpenFiles,
            NGoroutines = HostFacts.Threads,
            SystemTime = DateTimeOffset.Now.ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", global::System.Globalization.CultureInfo.InvariantCulture),
            LoggingDriver = "json-file",
            CgroupDriver = "cgroupfs",
            CgroupVersion = HostFacts.CgroupVersion,
            KernelVersion = HostFacts.KernelVersion,
            OperatingSystem = HostFacts.OperatingSystem,
            OsVersion = HostFacts.OsVersion,
            OsType = "linux",
            Architecture = HostFacts.Machine,
            NCpu = Environment.ProcessorCount,
            MemTotal = HostFacts.MemTotal,
            DockerRootDir = options.DataRoot,
            Name = HostFacts.HostName,
            ServerVersion = WharfVersion.Version,
            Runtimes = options.Runtimes.ToDictionary(r => r.Key, r => new RuntimeInfo { Path = r.Value }),
            DefaultRuntime = options.DefaultRuntime,
            LiveRestoreEnabled = true,
            InitBinary = Path.GetFileName(options.ToEngineOptions().InitPath),
            SecurityOptions = HostFacts.CgroupVersion == "2" ? ["name=seccomp,profile=builtin", "name=cgroupns"] : ["name=seccomp,profile=builtin"],
            HttpProxy = Environment.GetEnvironmentVariable("HTTP_PROXY") ?? "",
            HttpsProxy = Environment.GetEnvironmentVariable("HTTPS_PROXY") ?? "",
            NoProxy = Environment.GetEnvironmentVariable("NO_PROXY") ?? "",
        };
        info.RegistryConfig.IndexConfigs["docker.io"] = new IndexInfo { Name = "docker.io", Secure = true, Official = true };
        return ApiResponses.WriteJsonAsync(request.Context, info, WharfApiJsonContext.Default.SystemInfo);
    }
}
