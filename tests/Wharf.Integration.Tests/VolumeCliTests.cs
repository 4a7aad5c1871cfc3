using System.Text.Json;
using Wharf.Integration.Tests.Infrastructure;

namespace Wharf.Integration.Tests;

/// <summary><c>wharf volume …</c> and the run/create mount flags of <c>wharf</c>, with docker's output.</summary>
[Collection(DaemonCollection.Name)]
public sealed class VolumeCliTests(DaemonFixture fixture)
{
    private readonly WharfDaemon _d = fixture.Daemon;

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task VolumeCreateLsInspectRmPrune()
    {
        var label = "it.cli=" + Guid.NewGuid().ToString("N")[..8];
        var named = Unique("wcli");
        Assert.Equal(named + "\n", (await _d.WharfAsync("volume", "create", "--label", label, "--label", "role=cache", named)).Stdout);
        var byFlag = Unique("wcli-flag");
        Assert.Equal(byFlag + "\n", (await _d.WharfAsync("volume", "create", "--name", byFlag, "--label", label)).Stdout);
        var anonymous = (await _d.WharfAsync("volume", "create", "--label", label)).Stdout.Trim();
        Assert.Matches("^[0-9a-f]{64}$", anonymous);
        try
        {
            var conflict = await _d.WharfAsync("volume", "create", "--name", "x1", "x2");
            Assert.Equal(1, conflict.ExitCode);
            Assert.Contains("conflicting options: either specify --name or provide positional arg, not both", conflict.Stderr);

            var ls = await _d.WharfAsync("volume", "ls", "--filter", "label=" + label);
            var lines = ls.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Matches(@"^DRIVER\s+VOLUME NAME$", lines[0]);
            Assert.Equal(3, lines.Length - 1);
            Assert.Equal(new[] { anonymous, named, byFlag }.Order(StringComparer.Ordinal), lines.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]));

            var quiet = await _d.WharfAsync("volume", "ls", "-q", "--filter", "label=role=cache");
            Assert.Contains(named, quiet.Stdout);
            Assert.DoesNotContain(byFlag, quiet.Stdout);
            var format = await _d.WharfAsync("volume", "ls", "--filter", "name=" + named, "--format", "{{.Name}} {{.Driver}} {{.Scope}} {{.Labels}}");
            Assert.Equal($"{named} local local {label},role=cache\n", format.Stdout);
            var table = await _d.WharfAsync("volume", "ls", "--filter", "name=" + named, "--format", "table {{.Name}}\t{{.Driver}}");
            Assert.Matches(@"^VOLUME NAME\s+DRIVER\n" + named + @"\s+local\n$", table.Stdout);
            var dangling = await _d.WharfAsync("volume", "ls", "-q", "--filter", "dangling=true", "--filter", "label=" + label);
            Assert.Equal(3, dangling.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

            var inspect = await _d.WharfAsync("volume", "inspect", named, "no-such-volume-xyz");
            Assert.Equal(1, inspect.ExitCode);
            using (var doc = JsonDocument.Parse(inspect.Stdout))
            {
                Assert.Equal(named, doc.RootElement[0].GetProperty("Name").GetString());
                Assert.Equal("cache", doc.RootElement[0].GetProperty("Labels").GetProperty("role").GetString());
            }
            Assert.Contains("Error response from daemon: get no-such-volume-xyz: no such volume", inspect.Stderr);
            var inspectFormat = await _d.WharfAsync("volume", "inspect", "-f", "{{.Name}}:{{.Driver}}", named);
            Assert.Equal($"{named}:local\n", inspectFormat.Stdout);

            var prune = await _d.WharfAsync("volume", "prune", "-f", "--filter", "label=" + label);
            Assert.Equal($"Deleted Volumes:\n{anonymous}\n\nTotal reclaimed space: 0B\n", prune.Stdout);

            var rm = await _d.WharfAsync("volume", "rm", named, "no-such-volume-xyz", byFlag);
            Assert.Equal(1, rm.ExitCode);
            Assert.Equal($"{named}\n{byFlag}\n", rm.Stdout);
            Assert.Contains("Error response from daemon: get no-such-volume-xyz: no such volume", rm.Stderr);
            Assert.Equal(0, (await _d.WharfAsync("volume", "rm", "-f", "no-such-volume-xyz")).ExitCode);
        }
        finally
        {
            await _d.WharfAsync("volume", "rm", "-f", named, byFlag, anonymous);
        }
    }

    [Fact]
    public async Task VolumePrunePromptsAndAllRemovesUnusedNamedVolumes()
    {
        var label = "it.prompt=" + Guid.NewGuid().ToString("N")[..8];
        var named = Unique("wprompt");
        (await _d.WharfAsync("volume", "create", "--label", label, named)).EnsureSuccess("create");
        try
        {
            var declined = await _d.WharfAsync(["volume", "prune", "-a", "--filter", "label=" + label], "n\n"u8.ToArray());
            Assert.Equal(0, declined.ExitCode);
            Assert.StartsWith("WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ", declined.Stdout);
            Assert.Equal(0, (await _d.WharfAsync("volume", "inspect", named)).ExitCode);

            var accepted = await _d.WharfAsync(["volume", "prune", "-a", "--filter", "label=" + label], "y\n"u8.ToArray());
            Assert.Equal(0, accepted.ExitCode);
            Assert.EndsWith($"Deleted Volumes:\n{named}\n\nTotal reclaimed space: 0B\n", accepted.Stdout);
            Assert.Equal(1, (await _d.WharfAsync("volume", "inspect", named)).ExitCode);
        }
        finally
        {
            await _d.WharfAsync("volume", "rm", "-f", named);
        }
    }

    [Fact]
    public async Task WharfRunMountFlags()
    {
        var volume = Unique("wrun");
        var host = Path.Combine(_d.Root, Unique("wrun-bind"));
        Directory.CreateDirectory(host);
        await File.WriteAllTextAsync(Path.Combine(host, "h"), "host\n");
        var source = Unique("wrun-src");
        try
        {
            var run = await _d.WharfAsync("run", "--network", "none", "--name", source, "-v", $"{volume}:/v", "-v", "/anon",
                "--mount", $"type=bind,\"source={host}\",target=/h,readonly", "--tmpfs", "/t:size=1m",
                "busybox", "sh", "-c", "cat /h/h; echo v > /v/f; grep -c ' /t tmpfs' /proc/mounts; touch /h/x 2>/dev/null || echo ro");
            Assert.True(run.ExitCode == 0, run.ToString() + _d.ReadLog());
            Assert.Equal("host\n1\nro\n", run.Stdout);

            var from = await _d.WharfAsync("run", "--rm", "--network", "none", "--volumes-from", source + ":ro", "busybox", "cat", "/v/f");
            Assert.True(from.ExitCode == 0, from.ToString());
            Assert.Equal("v\n", from.Stdout);

            var mounts = await _d.WharfAsync("inspect", "-f", "{{range .Mounts}}{{.Destination}}={{.Type}} {{end}}", source);
            Assert.Contains("/v=volume", mounts.Stdout);
            Assert.Contains("/anon=volume", mounts.Stdout);
            Assert.Contains("/h=bind", mounts.Stdout);

            var badMount = await _d.WharfAsync("run", "--rm", "--mount", "type=bind,target", "busybox", "true");
            Assert.Equal(125, badMount.ExitCode);
            Assert.Contains("invalid argument \"type=bind,target\" for \"--mount\" flag: invalid field 'target' must be a key=value pair", badMount.Stderr);
            var noTarget = await _d.WharfAsync("run", "--rm", "--mount", "type=volume,src=x", "busybox", "true");
            Assert.Contains("target is required", noTarget.Stderr);
        }
        finally
        {
            await _d.WharfAsync("rm", "-f", "-v", source);
            await _d.WharfAsync("volume", "rm", "-f", volume);
        }
    }
}
