using System.Diagnostics;
using System.Text.Json;
using Wharf.Daemon.Tests.Infrastructure;

namespace Wharf.Daemon.Tests.Volumes;

/// <summary>The <c>/volumes</c> routes through a real wharfd, raw and with the real docker CLI.</summary>
public sealed class VolumeRoutesTests(VolumeDaemonFixture fixture) : IClassFixture<VolumeDaemonFixture>
{
    private string Socket => fixture.Daemon.SocketPath;

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task CreateInspectListRemove_SpeakDockersWireFormat()
    {
        var name = Unique("rawvol");
        var create = await RawHttp.SendAsync(Socket, "POST", "/v1.44/volumes/create",
            $$$"""{"Name":"{{{name}}}","Driver":"local","Labels":{"app":"x"},"DriverOpts":{}}""");
        Assert.True(create.Status == 201, create.Text);
        Assert.Equal("application/json", create.Header("Content-Type"));
        var created = JsonDocument.Parse(create.Body).RootElement;
        Assert.Equal(name, created.GetProperty("Name").GetString());
        Assert.Equal("local", created.GetProperty("Driver").GetString());
        Assert.Equal("local", created.GetProperty("Scope").GetString());
        Assert.Equal(Path.Combine(fixture.Daemon.DataRoot, "volumes", name, "_data"), created.GetProperty("Mountpoint").GetString());
        Assert.Equal("x", created.GetProperty("Labels").GetProperty("app").GetString());
        Assert.Equal(JsonValueKind.Object, created.GetProperty("Options").ValueKind);
        Assert.True(DateTimeOffset.TryParse(created.GetProperty("CreatedAt").GetString(), out _));
        Assert.False(created.TryGetProperty("UsageData", out _));

        var inspect = await RawHttp.SendAsync(Socket, "GET", $"/volumes/{name}");
        Assert.Equal(200, inspect.Status);
        Assert.Equal(name, JsonDocument.Parse(inspect.Body).RootElement.GetProperty("Name").GetString());

        var filter = Uri.EscapeDataString($$$"""{"label":{"app=x":true},"name":{"{{{name}}}":true}}""");
        var list = await RawHttp.SendAsync(Socket, "GET", $"/volumes?filters={filter}");
        Assert.Equal(200, list.Status);
        var listed = JsonDocument.Parse(list.Body).RootElement;
        Assert.Equal(JsonValueKind.Array, listed.GetProperty("Warnings").ValueKind);
        Assert.Equal([name], listed.GetProperty("Volumes").EnumerateArray().Select(v => v.GetProperty("Name").GetString()));

        var remove = await RawHttp.SendAsync(Socket, "DELETE", $"/volumes/{name}");
        Assert.Equal(204, remove.Status);
        var gone = await RawHttp.SendAsync(Socket, "GET", $"/volumes/{name}");
        Assert.Equal(404, gone.Status);
        Assert.Equal($"get {name}: no such volume", JsonDocument.Parse(gone.Body).RootElement.GetProperty("message").GetString());
        Assert.False(Directory.Exists(Path.Combine(fixture.Daemon.DataRoot, "volumes", name)));
    }

    [Fact]
    public async Task Errors_HaveDockersStatusAndMessage()
    {
        var bad = await RawHttp.SendAsync(Socket, "POST", "/volumes/create", """{"Name":"foo/bar"}""");
        Assert.Equal(400, bad.Status);
        Assert.StartsWith("create foo/bar: \"foo/bar\" includes invalid characters for a local volume name",
            JsonDocument.Parse(bad.Body).RootElement.GetProperty("message").GetString());

        var plugin = await RawHttp.SendAsync(Socket, "POST", "/volumes/create", """{"Name":"pv1","Driver":"nope"}""");
        Assert.Equal(404, plugin.Status);
        Assert.Equal("create pv1: error looking up volume plugin nope: plugin \"nope\" not found",
            JsonDocument.Parse(plugin.Body).RootElement.GetProperty("message").GetString());

        var filter = await RawHttp.SendAsync(Socket, "GET", "/volumes?filters=" + Uri.EscapeDataString("""{"colour":["red"]}"""));
        Assert.Equal(400, filter.Status);
        Assert.Equal("invalid filter 'colour'", JsonDocument.Parse(filter.Body).RootElement.GetProperty("message").GetString());

        var missing = await RawHttp.SendAsync(Socket, "DELETE", "/volumes/never-there");
        Assert.Equal(404, missing.Status);
        var forced = await RawHttp.SendAsync(Socket, "DELETE", "/volumes/never-there?force=1");
        Assert.Equal(204, forced.Status);
    }

    [Fact]
    public async Task Prune_RemovesAnonymousOnly_UnlessAllIsTrue_AndOldApiVersionsPruneEverything()
    {
        var anonymous = JsonDocument.Parse((await RawHttp.SendAsync(Socket, "POST", "/volumes/create", "")).Body)
            .RootElement.GetProperty("Name").GetString()!;
        var label = Unique("prunetest");
        var named = Unique("named");
        var create = await RawHttp.SendAsync(Socket, "POST", "/volumes/create", $$$"""{"Name":"{{{named}}}","Labels":{"{{{label}}}":""}}""");
        Assert.Equal(201, create.Status);

        var first = await RawHttp.SendAsync(Socket, "POST", "/v1.44/volumes/prune");
        Assert.Equal(200, first.Status);
        var deleted = JsonDocument.Parse(first.Body).RootElement.GetProperty("VolumesDeleted").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(anonymous, deleted);
        Assert.DoesNotContain(named, deleted);

        var all = await RawHttp.SendAsync(Socket, "POST", "/v1.44/volumes/prune?filters=" + Uri.EscapeDataString($$$"""{"all":["true"],"label":["{{{label}}}"]}"""));
        Assert.Equal(200, all.Status);
        Assert.Equal([named], JsonDocument.Parse(all.Body).RootElement.GetProperty("VolumesDeleted").EnumerateArray().Select(e => e.GetString()));

        var old = Unique("oldapi");
        await RawHttp.SendAsync(Socket, "POST", "/volumes/create", $$$"""{"Name":"{{{old}}}","Labels":{"{{{label}}}":"old"}}""");
        var legacy = await RawHttp.SendAsync(Socket, "POST", "/v1.41/volumes/prune?filters=" + Uri.EscapeDataString($$$"""{"label":["{{{label}}}=old"]}"""));
        Assert.Equal(200, legacy.Status);
        Assert.Equal([old], JsonDocument.Parse(legacy.Body).RootElement.GetProperty("VolumesDeleted").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task DockerCli_VolumeCommands_Work()
    {
        var name = Unique("clivol");
        Assert.Equal(name, (await DockerAsync("volume", "create", "--label", "cli=yes", name)).Trim());
        var ls = await DockerAsync("volume", "ls", "-q", "--filter", "label=cli=yes");
        Assert.Contains(name, ls.Split('\n', StringSplitOptions.TrimEntries));
        Assert.Equal("local yes", (await DockerAsync("volume", "inspect", "--format", "{{.Driver}} {{index .Labels \"cli\"}}", name)).Trim());
        Assert.Equal(name, (await DockerAsync("volume", "rm", name)).Trim());
        var (code, _, stderr) = await RunDockerAsync("volume", "inspect", name);
        Assert.NotEqual(0, code);
        Assert.Contains("no such volume", stderr, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<string> DockerAsync(params string[] args)
    {
        var (code, stdout, stderr) = await RunDockerAsync(args);
        Assert.True(code == 0, $"docker {string.Join(' ', args)} exited {code}: {stderr}");
        return stdout;
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunDockerAsync(params string[] args)
    {
        var info = new ProcessStartInfo("/usr/local/bin/docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOCKER_HOST"] = "unix://" + Socket;
        info.Environment["DOCKER_CONFIG"] = Path.Combine(fixture.Daemon.Root.Path, "docker-config");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
