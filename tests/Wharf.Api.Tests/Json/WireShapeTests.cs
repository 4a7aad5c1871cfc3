using System.Text.Json;
using Wharf.Api.Json;
using Wharf.Api.Models;

namespace Wharf.Api.Tests.Json;

public sealed class WireShapeTests
{
    private static JsonElement Roundtrip<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) =>
        JsonDocument.Parse(JsonSerializer.Serialize(value, info)).RootElement;

    [Fact]
    public void ContainerInspect_NeverSendsNullForPortsNetworksLabelsOrDates()
    {
        var json = Roundtrip(new ContainerInspect { Id = "abc" }, WharfApiJsonContext.Default.ContainerInspect);
        Assert.Equal(JsonValueKind.Object, json.GetProperty("NetworkSettings").GetProperty("Ports").ValueKind);
        Assert.Equal(JsonValueKind.Object, json.GetProperty("NetworkSettings").GetProperty("Networks").ValueKind);
        Assert.Equal(JsonValueKind.Object, json.GetProperty("Config").GetProperty("Labels").ValueKind);
        Assert.Equal("0001-01-01T00:00:00Z", json.GetProperty("State").GetProperty("StartedAt").GetString());
        Assert.Equal("0001-01-01T00:00:00Z", json.GetProperty("Created").GetString());
        Assert.True(json.GetProperty("State").TryGetProperty("OOMKilled", out _));
        Assert.False(json.TryGetProperty("SizeRw", out _));
        Assert.True(json.TryGetProperty("Id", out _));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("Config").GetProperty("Cmd").ValueKind);
    }

    [Fact]
    public void PortBinding_HostPortIsAString()
    {
        var inspect = new ContainerInspect();
        inspect.NetworkSettings.Ports["80/tcp"] = [new PortBinding { HostIp = "0.0.0.0", HostPort = "8080" }];
        inspect.NetworkSettings.Ports["81/tcp"] = null;
        var ports = Roundtrip(inspect, WharfApiJsonContext.Default.ContainerInspect).GetProperty("NetworkSettings").GetProperty("Ports");
        Assert.Equal(JsonValueKind.String, ports.GetProperty("80/tcp")[0].GetProperty("HostPort").ValueKind);
        Assert.Equal(JsonValueKind.Null, ports.GetProperty("81/tcp").ValueKind);
    }

    [Fact]
    public void ImageInspect_AlwaysHasContainerConfigAndEmptyLists()
    {
        var json = Roundtrip(new ImageInspect { Id = "sha256:x" }, WharfApiJsonContext.Default.ImageInspect);
        Assert.Equal(JsonValueKind.Object, json.GetProperty("ContainerConfig").ValueKind);
        Assert.Equal(0, json.GetProperty("RepoTags").GetArrayLength());
        Assert.Equal(0, json.GetProperty("RepoDigests").GetArrayLength());
        Assert.Equal("layers", json.GetProperty("RootFS").GetProperty("Type").GetString());
        Assert.Equal("0001-01-01T00:00:00Z", json.GetProperty("Metadata").GetProperty("LastTagTime").GetString());
    }

    [Fact]
    public void WaitResponse_OmitsErrorUnlessSet()
    {
        Assert.Equal("{\"StatusCode\":3}", JsonSerializer.Serialize(new ContainerWaitResponse { StatusCode = 3 }, WharfApiJsonContext.Default.ContainerWaitResponse));
        Assert.Equal("{\"StatusCode\":0,\"Error\":{\"Message\":\"x\"}}",
            JsonSerializer.Serialize(new ContainerWaitResponse { Error = new WaitExitError { Message = "x" } }, WharfApiJsonContext.Default.ContainerWaitResponse));
    }

    [Fact]
    public void ImageDelete_ItemsCarryOnlyTheirField()
    {
        var items = new List<ImageDeleteResponseItem> { new() { Untagged = "a:latest" }, new() { Deleted = "sha256:1" } };
        Assert.Equal("[{\"Untagged\":\"a:latest\"},{\"Deleted\":\"sha256:1\"}]", JsonSerializer.Serialize(items, WharfApiJsonContext.Default.ListImageDeleteResponseItem));
    }

    [Fact]
    public void InfoAndVersion_UseDockersCasing()
    {
        var info = Roundtrip(new SystemInfo { Id = "x", NCpu = 4 }, WharfApiJsonContext.Default.SystemInfo);
        Assert.Equal("x", info.GetProperty("ID").GetString());
        Assert.Equal(4, info.GetProperty("NCPU").GetInt32());
        Assert.Equal("linux", info.GetProperty("OSType").GetString());
        Assert.Equal("inactive", info.GetProperty("Swarm").GetProperty("LocalNodeState").GetString());
        var version = Roundtrip(new SystemVersion { ApiVersion = "1.44", MinApiVersion = "1.24" }, WharfApiJsonContext.Default.SystemVersion);
        Assert.Equal("1.24", version.GetProperty("MinAPIVersion").GetString());
        Assert.Equal("linux", version.GetProperty("Os").GetString());
    }

    [Fact]
    public void CreateRequest_ReadsTheBodyTheCliSends()
    {
        const string body = """
            {"Hostname":"","Domainname":"","User":"","AttachStdin":false,"AttachStdout":true,"AttachStderr":true,
             "ExposedPorts":{"80/tcp":{}},"Tty":false,"OpenStdin":false,"StdinOnce":false,"Env":["A=1"],"Cmd":["echo","hi"],
             "Image":"alpine","Volumes":{},"WorkingDir":"","Entrypoint":null,"OnBuild":null,"Labels":{"l":"v"},
             "HostConfig":{"Binds":null,"ContainerIDFile":"","LogConfig":{"Type":"","Config":{}},"NetworkMode":"default",
               "PortBindings":{"80/tcp":[{"HostIp":"","HostPort":"8080"}]},"RestartPolicy":{"Name":"no","MaximumRetryCount":0},
               "AutoRemove":true,"VolumeDriver":"","VolumesFrom":null,"ConsoleSize":[40,120],"CapAdd":null,"CapDrop":null,
               "CgroupnsMode":"","Dns":[],"DnsOptions":[],"DnsSearch":[],"ExtraHosts":null,"GroupAdd":null,"IpcMode":"",
               "Cgroup":"","Links":null,"OomScoreAdj":0,"PidMode":"","Privileged":false,"PublishAllPorts":false,
               "ReadonlyRootfs":false,"SecurityOpt":null,"UTSMode":"","UsernsMode":"","ShmSize":0,"Isolation":"",
               "CpuShares":0,"Memory":0,"NanoCpus":0,"CgroupParent":"","BlkioWeight":0,"BlkioWeightDevice":[],
               "CpuPeriod":0,"CpuQuota":0,"CpuRealtimePeriod":0,"CpuRealtimeRuntime":0,"CpusetCpus":"","CpusetMems":"",
               "Devices":[],"DeviceCgroupRules":null,"DeviceRequests":null,"MemoryReservation":0,"MemorySwap":0,
               "MemorySwappiness":null,"OomKillDisable":null,"PidsLimit":null,"Ulimits":[],"CpuCount":0,"CpuPercent":0,
               "IOMaximumIOps":0,"IOMaximumBandwidth":0,"MaskedPaths":null,"ReadonlyPaths":null},
             "NetworkingConfig":{"EndpointsConfig":{"default":{"IPAMConfig":null,"Links":null,"Aliases":null,"MacAddress":"",
               "DriverOpts":null,"GwPriority":0,"NetworkID":"","EndpointID":"","Gateway":"","IPAddress":"","IPPrefixLen":0,
               "IPv6Gateway":"","GlobalIPv6Address":"","GlobalIPv6PrefixLen":0,"DNSNames":null}}}}
            """;
        var request = JsonSerializer.Deserialize(body, WharfApiJsonContext.Default.ContainerCreateRequest)!;
        Assert.Equal("alpine", request.Image);
        Assert.Equal(["echo", "hi"], request.Cmd!);
        Assert.Equal("v", request.Labels["l"]);
        Assert.True(request.HostConfig!.AutoRemove);
        Assert.Equal("default", request.HostConfig.NetworkMode);
        Assert.Equal("8080", request.HostConfig.PortBindings["80/tcp"]![0].HostPort);
        Assert.Equal([40, 120], request.HostConfig.ConsoleSize);
        Assert.True(request.NetworkingConfig!.EndpointsConfig!.ContainsKey("default"));
        Assert.True(request.ExposedPorts!.ContainsKey("80/tcp"));
    }

    [Fact]
    public void Error_IsLowercaseMessage() =>
        Assert.Equal("{\"message\":\"No such container: x\"}", JsonSerializer.Serialize(new ErrorResponse { Message = "No such container: x" }, WharfApiJsonContext.Default.ErrorResponse));
}
