using System.Text.Json;
using Wharf.Daemon.Tests.Infrastructure;

namespace Wharf.Daemon.Tests.Http;

/// <summary>One real wharfd for the system-route tests.</summary>
public sealed class DaemonFixture : IAsyncLifetime
{
    public DaemonProcess Daemon { get; private set; } = null!;

    public async Task InitializeAsync() => Daemon = await DaemonProcess.StartAsync();

    public async Task DisposeAsync() => await Daemon.DisposeAsync();
}

public sealed class DaemonApiTests(DaemonFixture fixture) : IClassFixture<DaemonFixture>
{
    private string Socket => fixture.Daemon.SocketPath;

    [Theory]
    [InlineData("/_ping")]
    [InlineData("/v1.44/_ping")]
    [InlineData("/v1.24/_ping")]
    public async Task PingGet_AnswersOkWithDockerHeaders(string path)
    {
        var r = await RawHttp.SendAsync(Socket, "GET", path);
        Assert.Equal(200, r.Status);
        Assert.Equal("OK", r.Text);
        Assert.Equal("1.44", r.Header("Api-Version"));
        Assert.Equal("linux", r.Header("Ostype"));
        Assert.Equal("false", r.Header("Docker-Experimental"));
        Assert.Matches("^Docker/[^ ]+ \\(linux\\)$", r.Header("Server"));
        Assert.Equal("1", r.Header("Builder-Version"));
        Assert.Equal("inactive", r.Header("Swarm"));
        Assert.Equal("no-cache, no-store, must-revalidate", r.Header("Cache-Control"));
        Assert.Equal("no-cache", r.Header("Pragma"));
    }

    [Theory]
    [InlineData("/_ping")]
    [InlineData("/v1.50/_ping")]
    public async Task PingHead_Is200WithZeroLength(string path)
    {
        var r = await RawHttp.SendAsync(Socket, "HEAD", path);
        Assert.Equal(200, r.Status);
        Assert.Equal("0", r.Header("Content-Length"));
        Assert.Empty(r.Body);
        Assert.Equal("1.44", r.Header("Api-Version"));
    }

    [Fact]
    public async Task Version_HasTheFieldsClientsRead()
    {
        var r = await RawHttp.SendAsync(Socket, "GET", "/version");
        Assert.Equal(200, r.Status);
        Assert.Equal("application/json", r.Header("Content-Type"));
        var json = JsonDocument.Parse(r.Body).RootElement;
        Assert.Equal("1.44", json.GetProperty("ApiVersion").GetString());
        Assert.Equal("1.24", json.GetProperty("MinAPIVersion").GetString());
        Assert.Equal("linux", json.GetProperty("Os").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("Arch").GetString()));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("KernelVersion").GetString()));
        var engine = json.GetProperty("Components")[0];
        Assert.Equal("Engine", engine.GetProperty("Name").GetString());
        Assert.Equal("1.44", engine.GetProperty("Details").GetProperty("ApiVersion").GetString());
    }

    [Fact]
    public async Task Info_ReportsRealFigures()
    {
        var r = await RawHttp.SendAsync(Socket, "GET", "/v1.44/info");
        Assert.Equal(200, r.Status);
        var json = JsonDocument.Parse(r.Body).RootElement;
        Assert.False(string.IsNullOrEmpty(json.GetProperty("ID").GetString()));
        Assert.Equal(fixture.Daemon.DataRoot, json.GetProperty("DockerRootDir").GetString());
        Assert.Equal(Environment.ProcessorCount, json.GetProperty("NCPU").GetInt32());
        Assert.True(json.GetProperty("MemTotal").GetInt64() > 0);
        Assert.Equal("inactive", json.GetProperty("Swarm").GetProperty("LocalNodeState").GetString());
        Assert.Equal("vfs", json.GetProperty("Driver").GetString());
        Assert.Equal("linux", json.GetProperty("OSType").GetString());
        Assert.True(json.GetProperty("Runtimes").TryGetProperty("runc", out _));
        Assert.Contains(json.GetProperty("CgroupVersion").GetString(), new[] { "1", "2" });
        Assert.True(json.GetProperty("Containers").GetInt32() >= 0);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("KernelVersion").GetString()));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("ServerVersion").GetString()));
    }

    [Theory]
    [InlineData("GET", "/nope")]
    [InlineData("GET", "/v1.44/nope/deeper")]
    [InlineData("POST", "/_ping")]
    public async Task UnknownPath_Is404PageNotFoundWithExactContentType(string method, string path)
    {
        var r = await RawHttp.SendAsync(Socket, method, path);
        Assert.Equal(404, r.Status);
        Assert.Equal("application/json", r.Header("Content-Type"));
        Assert.Equal("page not found", JsonDocument.Parse(r.Body).RootElement.GetProperty("message").GetString());
        Assert.Equal("1.44", r.Header("Api-Version"));
    }

    [Fact]
    public async Task TooOldVersion_Is400WithMobysText()
    {
        var r = await RawHttp.SendAsync(Socket, "GET", "/v1.12/version");
        Assert.Equal(400, r.Status);
        Assert.Equal("application/json", r.Header("Content-Type"));
        Assert.Equal("client version 1.12 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version",
            JsonDocument.Parse(r.Body).RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task TooNewVersion_Is400WithMobysText()
    {
        var r = await RawHttp.SendAsync(Socket, "GET", "/v1.99/version");
        Assert.Equal(400, r.Status);
        Assert.Equal("client version 1.99 is too new. Maximum supported API version is 1.50",
            JsonDocument.Parse(r.Body).RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task SocketIsGroupReadWriteOnly()
    {
        var mode = File.GetUnixFileMode(Socket);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite, mode);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task SecondDaemonOnTheSamePidFile_IsRefused()
    {
        var pidFile = Path.Combine(fixture.Daemon.ExecRoot, "wharfd.pid");
        Assert.Equal(fixture.Daemon.Pid.ToString(), File.ReadAllText(pidFile).Trim());
        using var other = new TempDir();
        var (code, _, stderr) = await DaemonProcess.RunToExitAsync(
            "--host", "unix://" + other.Combine("s.sock"), "--data-root", other.Combine("data"),
            "--exec-root", other.Combine("run"), "--pidfile", pidFile, "--storage-driver", "vfs");
        Assert.NotEqual(0, code);
        Assert.Contains("pid file found", stderr);
    }
}
