using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>The answer of <c>GET /info</c> (moby's <c>system.Info</c>; note <c>ID</c>, <c>NCPU</c>, <c>OSType</c> casing).</summary>
public sealed class SystemInfo
{
    /// <summary>Daemon identity.</summary>
    [JsonPropertyName("ID")] public string Id { get; set; } = "";
    /// <summary>All containers.</summary>
    [JsonPropertyName("Containers")] public int Containers { get; set; }
    /// <summary>Running containers.</summary>
    [JsonPropertyName("ContainersRunning")] public int ContainersRunning { get; set; }
    /// <summary>Paused containers.</summary>
    [JsonPropertyName("ContainersPaused")] public int ContainersPaused { get; set; }
    /// <summary>Stopped (created, exited, dead) containers.</summary>
    [JsonPropertyName("ContainersStopped")] public int ContainersStopped { get; set; }
    /// <summary>Images.</summary>
    [JsonPropertyName("Images")] public int Images { get; set; }
    /// <summary>Storage driver.</summary>
    [JsonPropertyName("Driver")] public string Driver { get; set; } = "";
    /// <summary>Driver key/value pairs.</summary>
    [JsonPropertyName("DriverStatus")] public List<string[]> DriverStatus { get; set; } = [];
    /// <summary>Plugins by kind.</summary>
    [JsonPropertyName("Plugins")] public PluginsInfo Plugins { get; set; } = new();
    /// <summary>Memory limits supported.</summary>
    [JsonPropertyName("MemoryLimit")] public bool MemoryLimit { get; set; }
    /// <summary>Swap limits supported.</summary>
    [JsonPropertyName("SwapLimit")] public bool SwapLimit { get; set; }
    /// <summary>CFS period supported.</summary>
    [JsonPropertyName("CpuCfsPeriod")] public bool CpuCfsPeriod { get; set; }
    /// <summary>CFS quota supported.</summary>
    [JsonPropertyName("CpuCfsQuota")] public bool CpuCfsQuota { get; set; }
    /// <summary>CPU shares supported.</summary>
    [JsonPropertyName("CPUShares")] public bool CpuShares { get; set; }
    /// <summary>cpuset supported.</summary>
    [JsonPropertyName("CPUSet")] public bool CpuSet { get; set; }
    /// <summary>pids limit supported.</summary>
    [JsonPropertyName("PidsLimit")] public bool PidsLimit { get; set; }
    /// <summary>IPv4 forwarding enabled.</summary>
    [JsonPropertyName("IPv4Forwarding")] public bool IPv4Forwarding { get; set; }
    /// <summary>Debug mode.</summary>
    [JsonPropertyName("Debug")] public bool Debug { get; set; }
    /// <summary>Open file descriptors of the daemon.</summary>
    [JsonPropertyName("NFd")] public int NFd { get; set; }
    /// <summary>OOM-kill disable supported.</summary>
    [JsonPropertyName("OomKillDisable")] public bool OomKillDisable { get; set; }
    /// <summary>Threads of the daemon (Docker counts goroutines).</summary>
    [JsonPropertyName("NGoroutines")] public int NGoroutines { get; set; }
    /// <summary>Current time, RFC 3339.</summary>
    [JsonPropertyName("SystemTime")] public string SystemTime { get; set; } = "";
    /// <summary>Default log driver.</summary>
    [JsonPropertyName("LoggingDriver")] public string LoggingDriver { get; set; } = "json-file";
    /// <summary>Cgroup driver.</summary>
    [JsonPropertyName("CgroupDriver")] public string CgroupDriver { get; set; } = "cgroupfs";
    /// <summary>Cgroup version, <c>1</c> or <c>2</c>.</summary>
    [JsonPropertyName("CgroupVersion")] public string CgroupVersion { get; set; } = "";
    /// <summary>Event listeners.</summary>
    [JsonPropertyName("NEventsListener")] public int NEventsListener { get; set; }
    /// <summary>Kernel release.</summary>
    [JsonPropertyName("KernelVersion")] public string KernelVersion { get; set; } = "";
    /// <summary>Distribution name.</summary>
    [JsonPropertyName("OperatingSystem")] public string OperatingSystem { get; set; } = "";
    /// <summary>Distribution version.</summary>
    [JsonPropertyName("OSVersion")] public string OsVersion { get; set; } = "";
    /// <summary>Always <c>linux</c>.</summary>
    [JsonPropertyName("OSType")] public string OsType { get; set; } = "linux";
    /// <summary>Kernel architecture (<c>x86_64</c>).</summary>
    [JsonPropertyName("Architecture")] public string Architecture { get; set; } = "";
    /// <summary>Default registry index.</summary>
    [JsonPropertyName("IndexServerAddress")] public string IndexServerAddress { get; set; } = "https://index.docker.io/v1/";
    /// <summary>Registry settings.</summary>
    [JsonPropertyName("RegistryConfig")] public RegistryServiceConfig RegistryConfig { get; set; } = new();
    /// <summary>CPUs.</summary>
    [JsonPropertyName("NCPU")] public int NCpu { get; set; }
    /// <summary>Memory in bytes.</summary>
    [JsonPropertyName("MemTotal")] public long MemTotal { get; set; }
    /// <summary>Daemon root directory.</summary>
    [JsonPropertyName("DockerRootDir")] public string DockerRootDir { get; set; } = "";
    /// <summary>HTTP proxy the daemon uses.</summary>
    [JsonPropertyName("HttpProxy")] public string HttpProxy { get; set; } = "";
    /// <summary>HTTPS proxy the daemon uses.</summary>
    [JsonPropertyName("HttpsProxy")] public string HttpsProxy { get; set; } = "";
    /// <summary>Proxy exclusions.</summary>
    [JsonPropertyName("NoProxy")] public string NoProxy { get; set; } = "";
    /// <summary>Host name.</summary>
    [JsonPropertyName("Name")] public string Name { get; set; } = "";
    /// <summary>Daemon labels.</summary>
    [JsonPropertyName("Labels")] public List<string> Labels { get; set; } = [];
    /// <summary>Experimental build.</summary>
    [JsonPropertyName("ExperimentalBuild")] public bool ExperimentalBuild { get; set; }
    /// <summary>Server version.</summary>
    [JsonPropertyName("ServerVersion")] public string ServerVersion { get; set; } = "";
    /// <summary>OCI runtimes by name.</summary>
    [JsonPropertyName("Runtimes")] public Dictionary<string, RuntimeInfo> Runtimes { get; set; } = [];
    /// <summary>Default runtime name.</summary>
    [JsonPropertyName("DefaultRuntime")] public string DefaultRuntime { get; set; } = "runc";
    /// <summary>Swarm state (always inactive).</summary>
    [JsonPropertyName("Swarm")] public SwarmInfo Swarm { get; set; } = new();
    /// <summary>Live restore enabled (containers survive the daemon: always true for Wharf).</summary>
    [JsonPropertyName("LiveRestoreEnabled")] public bool LiveRestoreEnabled { get; set; }
    /// <summary>Isolation technology (Windows only; empty).</summary>
    [JsonPropertyName("Isolation")] public string Isolation { get; set; } = "";
    /// <summary>Init binary for <c>--init</c>.</summary>
    [JsonPropertyName("InitBinary")] public string InitBinary { get; set; } = "";
    /// <summary>containerd commit (we report conmon's version).</summary>
    [JsonPropertyName("ContainerdCommit")] public CommitInfo ContainerdCommit { get; set; } = new();
    /// <summary>runc commit.</summary>
    [JsonPropertyName("RuncCommit")] public CommitInfo RuncCommit { get; set; } = new();
    /// <summary>init commit.</summary>
    [JsonPropertyName("InitCommit")] public CommitInfo InitCommit { get; set; } = new();
    /// <summary>Security options, <c>name=seccomp,profile=builtin</c>.</summary>
    [JsonPropertyName("SecurityOptions")] public List<string> SecurityOptions { get; set; } = [];
    /// <summary>Warnings the CLI prints.</summary>
    [JsonPropertyName("Warnings")] public List<string> Warnings { get; set; } = [];
}
