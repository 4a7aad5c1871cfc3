using Wharf.Api.Json;
using Wharf.Core.Oci;
using Wharf.Core.Units;
using Wharf.Engine.Containers;
using Wire = Wharf.Api.Models;

namespace Wharf.Daemon.Mapping;

/// <summary>Maps container wire models to engine records and back; engine types never go on the wire.</summary>
public static partial class ContainerMapper
{
    /// <summary>The create body as the engine's create options.</summary>
    public static ContainerCreateOptions ToCreateOptions(Wire.ContainerCreateRequest request, string? name)
    {
        var host = request.HostConfig ?? new Wire.HostConfig();
        return new ContainerCreateOptions
        {
            Name = name,
            Config = ToEngineConfig(request),
            HostConfig = new ContainerHostConfig
            {
                NetworkMode = string.IsNullOrEmpty(host.NetworkMode) ? "default" : host.NetworkMode,
                PortBindings = ToEnginePortBindings(host.PortBindings),
                PublishAllPorts = host.PublishAllPorts,
                EndpointsConfig = ToEngineEndpoints(request.NetworkingConfig),
                AutoRemove = host.AutoRemove,
                Privileged = host.Privileged,
                ReadonlyRootfs = host.ReadonlyRootfs,
                CapAdd = host.CapAdd,
                CapDrop = host.CapDrop,
                Resources = ToEngineResources(host),
                SecurityOpt = host.SecurityOpt,
                GroupAdd = host.GroupAdd,
                Sysctls = host.Sysctls,
                IpcMode = host.IpcMode ?? "",
                PidMode = host.PidMode ?? "",
                UtsMode = host.UtsMode ?? "",
                OomScoreAdj = host.OomScoreAdj,
                CgroupParent = host.CgroupParent ?? "",
                Init = host.Init,
                Runtime = host.Runtime ?? "",
                RestartPolicy = new RestartPolicy(string.IsNullOrEmpty(host.RestartPolicy.Name) ? "no" : host.RestartPolicy.Name, host.RestartPolicy.MaximumRetryCount),
                ShmSize = host.ShmSize,
                Binds = host.Binds,
                Mounts = ToEngineMounts(host.Mounts),
                Tmpfs = host.Tmpfs,
                VolumesFrom = host.VolumesFrom,
                LogConfig = new LogConfig(string.IsNullOrEmpty(host.LogConfig.Type) ? "json-file" : host.LogConfig.Type, host.LogConfig.Config),
                Dns = host.Dns,
                DnsSearch = host.DnsSearch,
                DnsOptions = host.DnsOptions,
                ExtraHosts = host.ExtraHosts,
                Links = host.Links,
            },
        };
    }

    /// <summary>The Config fields of a create body.</summary>
    public static Engine.Containers.ContainerConfig ToEngineConfig(Wire.ContainerConfig c) => new()
    {
        Hostname = c.Hostname,
        Domainname = c.Domainname,
        User = c.User,
        Env = c.Env,
        Cmd = c.Cmd,
        Entrypoint = c.Entrypoint,
        WorkingDir = c.WorkingDir,
        Labels = c.Labels,
        Tty = c.Tty,
        OpenStdin = c.OpenStdin,
        StdinOnce = c.StdinOnce,
        AttachStdin = c.AttachStdin,
        AttachStdout = c.AttachStdout,
        AttachStderr = c.AttachStderr,
        ExposedPorts = c.ExposedPorts?.Keys.ToList(),
        Volumes = c.Volumes?.Keys.ToList(),
        StopSignal = c.StopSignal ?? "",
        StopTimeout = c.StopTimeout,
        Image = c.Image,
        Healthcheck = ToEngineHealthcheck(c.Healthcheck),
    };

    /// <summary>An engine config on the wire.</summary>
    public static Wire.ContainerConfig ToWireConfig(Engine.Containers.ContainerConfig c) => new()
    {
        Hostname = c.Hostname,
        Domainname = c.Domainname,
        User = c.User,
        AttachStdin = c.AttachStdin,
        AttachStdout = c.AttachStdout,
        AttachStderr = c.AttachStderr,
        ExposedPorts = c.ExposedPorts is { Count: > 0 } ports ? ports.ToDictionary(p => p, _ => new EmptyObject()) : null,
        Tty = c.Tty,
        OpenStdin = c.OpenStdin,
        StdinOnce = c.StdinOnce,
        Env = c.Env?.ToList(),
        Cmd = c.Cmd?.ToList(),
        Image = c.Image,
        Volumes = c.Volumes is { Count: > 0 } volumes ? volumes.ToDictionary(v => v, _ => new EmptyObject()) : null,
        WorkingDir = c.WorkingDir,
        Entrypoint = c.Entrypoint?.ToList(),
        Labels = c.Labels?.ToDictionary() ?? [],
        StopSignal = string.IsNullOrEmpty(c.StopSignal) ? null : c.StopSignal,
        StopTimeout = c.StopTimeout,
        Healthcheck = ToWireHealthcheck(c.Healthcheck),
    };

    /// <summary>An engine host config on the wire.</summary>
    public static Wire.HostConfig ToWireHostConfig(ContainerHostConfig h) => new()
    {
        Binds = h.Binds?.ToList(),
        Mounts = ToWireMounts(h.Mounts),
        Tmpfs = h.Tmpfs?.ToDictionary(),
        VolumesFrom = h.VolumesFrom?.ToList(),
        LogConfig = new Wire.LogConfig { Type = h.LogConfig.Type, Config = h.LogConfig.Config?.ToDictionary() ?? [] },
        NetworkMode = h.NetworkMode,
        PortBindings = ToWirePortBindings(h.PortBindings),
        PublishAllPorts = h.PublishAllPorts,
        RestartPolicy = new Wire.RestartPolicy { Name = h.RestartPolicy.Name, MaximumRetryCount = h.RestartPolicy.MaximumRetryCount },
        AutoRemove = h.AutoRemove,
        CapAdd = h.CapAdd?.ToList(),
        CapDrop = h.CapDrop?.ToList(),
        CgroupnsMode = "host",
        Dns = h.Dns?.ToList() ?? [],
        DnsOptions = h.DnsOptions?.ToList() ?? [],
        DnsSearch = h.DnsSearch?.ToList() ?? [],
        ExtraHosts = h.ExtraHosts is { Count: > 0 } extraHosts ? extraHosts.ToList() : null,
        Links = h.Links is { Count: > 0 } links ? links.ToList() : null,
        IpcMode = "private",
        Privileged = h.Privileged,
        ReadonlyRootfs = h.ReadonlyRootfs,
        ShmSize = h.ShmSize == 0 ? 64 * 1024 * 1024 : h.ShmSize,
        Runtime = string.IsNullOrEmpty(h.Runtime) ? "runc" : h.Runtime,
        Init = h.Init,
        Devices = [],
        Ulimits = [],
    };

    /// <summary>Full inspect document.</summary>
    public static Wire.ContainerInspect ToInspect(ContainerDetails details, string driver)
    {
        var c = details.Container;
        return new Wire.ContainerInspect
        {
            Id = c.Id,
            Created = DockerTime.Format(c.Created),
            Path = c.Path,
            Args = c.Args.ToList(),
            State = new Wire.ContainerStateInfo
            {
                Status = c.State.Status.ToDockerString(),
                Running = c.State.Running,
                Paused = c.State.Paused,
                Restarting = c.State.Restarting,
                OomKilled = c.State.OomKilled,
                Dead = c.State.Status == ContainerStatus.Dead,
                Pid = c.State.Pid,
                ExitCode = c.State.ExitCode,
                Error = c.State.Error,
                StartedAt = DockerTime.Format(c.State.StartedAt),
                FinishedAt = DockerTime.Format(c.State.FinishedAt),
                Health = ToWireHealth(c.State.Health),
            },
            Image = c.ImageId,
            ResolvConfPath = c.ResolvConfPath,
            HostnamePath = c.HostnamePath,
            HostsPath = c.HostsPath,
            LogPath = c.LogPath,
            Name = c.DockerName,
            RestartCount = c.RestartCount,
            Driver = string.IsNullOrEmpty(c.Driver) ? driver : c.Driver,
            Platform = "linux",
            HostConfig = WithResources(ToWireHostConfig(c.HostConfig), c.HostConfig),
            GraphDriver = new Wire.GraphDriverData { Name = string.IsNullOrEmpty(c.Driver) ? driver : c.Driver },
            SizeRw = details.SizeRw,
            SizeRootFs = details.SizeRootFs,
            Config = ToWireConfig(c.Config),
            NetworkSettings = ToNetworkSettings(c, details.Network),
            Mounts = ToMountPoints(c),
        };
    }

    /// <summary>One <c>/containers/json</c> entry.</summary>
    public static Wire.ContainerSummary ToSummary(ContainerDetails details, DateTimeOffset now)
    {
        var c = details.Container;
        return new Wire.ContainerSummary
        {
            Id = c.Id,
            Names = [c.DockerName],
            Image = c.Image,
            ImageId = c.ImageId,
            Command = c.Command,
            Created = c.Created.ToUnixTimeSeconds(),
            Ports = SummaryPorts(c, details.Network),
            SizeRw = details.SizeRw,
            SizeRootFs = details.SizeRootFs,
            Labels = c.Config.Labels?.ToDictionary() ?? [],
            State = c.State.Status.ToDockerString(),
            Status = StatusText(c.State, now),
            HostConfig = new Wire.SummaryHostConfig { NetworkMode = c.HostConfig.NetworkMode },
            NetworkSettings = new Wire.SummaryNetworkSettings { Networks = Networks(c, details.Network) },
            Mounts = ToMountPoints(c),
        };
    }

    /// <summary>Docker's <c>Status</c> column text: <c>Up 3 seconds</c>, <c>Exited (0) 2 minutes ago</c>, <c>Created</c>.</summary>
    public static string StatusText(ContainerState state, DateTimeOffset now)
    {
        switch (state.Status)
        {
            case ContainerStatus.Running:
                return "Up " + HumanDurations.HumanDuration(now - (state.StartedAt ?? now)) + HealthSuffix(state);
            case ContainerStatus.Paused:
                return "Up " + HumanDurations.HumanDuration(now - (state.StartedAt ?? now)) + " (Paused)";
            case ContainerStatus.Restarting:
                return $"Restarting ({state.ExitCode}) {HumanDurations.HumanDuration(now - (state.FinishedAt ?? now))} ago";
            case ContainerStatus.Dead:
                return "Dead";
            case ContainerStatus.Exited when state.FinishedAt is { } finished:
                return $"Exited ({state.ExitCode}) {HumanDurations.HumanDuration(now - finished)} ago";
            case ContainerStatus.Exited:
                return $"Exited ({state.ExitCode})";
            default:
                return "Created";
        }
    }
}
