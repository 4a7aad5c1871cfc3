using System.Text.Json.Nodes;
using Wharf.Cli.Commands;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Tests.Commands;

public sealed class ContainerOptionsTests
{
    private static JsonObject Build(string[] args, bool detach = false, Func<string, string?>? env = null)
    {
        var flags = new FlagSet();
        ContainerOptions.Define(flags);
        var parsed = flags.Parse(args, interspersed: false);
        return ContainerOptions.BuildBody(parsed, parsed.Positionals[0], parsed.Positionals.Skip(1).ToList(), detach, env ?? (_ => null), (24, 80));
    }

    [Fact]
    public void DefaultsMatchTheDockerCli()
    {
        var body = Build(["busybox"]);
        Assert.Equal("busybox", body["Image"]!.GetValue<string>());
        Assert.Null(body["Cmd"]);
        Assert.Null(body["Entrypoint"]);
        Assert.True(body["AttachStdout"]!.GetValue<bool>());
        Assert.True(body["AttachStderr"]!.GetValue<bool>());
        Assert.False(body["AttachStdin"]!.GetValue<bool>());
        Assert.Equal("default", body["HostConfig"]!["NetworkMode"]!.GetValue<string>());
        Assert.Equal("{\"Name\":\"no\",\"MaximumRetryCount\":0}", body["HostConfig"]!["RestartPolicy"]!.ToJsonString());
        Assert.Null(body["HostConfig"]!["Init"]);
        Assert.NotNull(body["NetworkingConfig"]!["EndpointsConfig"]!["default"]);
    }

    [Fact]
    public void InteractiveTtyAndDetach()
    {
        var body = Build(["-it", "busybox", "sh"]);
        Assert.True(body["AttachStdin"]!.GetValue<bool>());
        Assert.True(body["OpenStdin"]!.GetValue<bool>());
        Assert.True(body["StdinOnce"]!.GetValue<bool>());
        Assert.True(body["Tty"]!.GetValue<bool>());
        Assert.Equal("[24,80]", body["HostConfig"]!["ConsoleSize"]!.ToJsonString());

        var detached = Build(["-i", "busybox"], detach: true);
        Assert.False(detached["AttachStdin"]!.GetValue<bool>());
        Assert.False(detached["AttachStdout"]!.GetValue<bool>());
        Assert.False(detached["StdinOnce"]!.GetValue<bool>());
    }

    [Fact]
    public void EnvFileEntriesComeBeforeDashE()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "# c\nFROM_FILE=1\nHOME\n");
            var body = Build(["--env-file", path, "-e", "X=2", "-e", "USER", "busybox"], env: k => k switch { "HOME" => "/root", "USER" => "me", _ => null });
            Assert.Equal("[\"FROM_FILE=1\",\"HOME=/root\",\"X=2\",\"USER=me\"]", body["Env"]!.ToJsonString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LabelsEntrypointUserWorkdirHostname()
    {
        var body = Build(["-l", "a=1", "--label", "flag", "--entrypoint", "", "-u", "1000:1000", "-w", "/srv", "-h", "box", "--init", "--privileged", "--read-only",
            "--cap-add", "NET_ADMIN", "--cap-drop", "ALL", "--network", "none", "--restart", "on-failure:3", "-m", "512m", "busybox", "ls", "-l"]);
        Assert.Equal("{\"a\":\"1\",\"flag\":\"\"}", body["Labels"]!.ToJsonString());
        Assert.Equal("[\"\"]", body["Entrypoint"]!.ToJsonString());
        Assert.Equal("1000:1000", body["User"]!.GetValue<string>());
        Assert.Equal("/srv", body["WorkingDir"]!.GetValue<string>());
        Assert.Equal("box", body["Hostname"]!.GetValue<string>());
        Assert.Equal("[\"ls\",\"-l\"]", body["Cmd"]!.ToJsonString());
        var host = body["HostConfig"]!;
        Assert.True(host["Init"]!.GetValue<bool>());
        Assert.True(host["Privileged"]!.GetValue<bool>());
        Assert.True(host["ReadonlyRootfs"]!.GetValue<bool>());
        Assert.Equal("[\"NET_ADMIN\"]", host["CapAdd"]!.ToJsonString());
        Assert.Equal("[\"ALL\"]", host["CapDrop"]!.ToJsonString());
        Assert.Equal("none", host["NetworkMode"]!.GetValue<string>());
        Assert.Equal("{\"Name\":\"on-failure\",\"MaximumRetryCount\":3}", host["RestartPolicy"]!.ToJsonString());
        Assert.Equal(512L * 1024 * 1024, host["Memory"]!.GetValue<long>());
    }

    [Fact]
    public void PublishedPorts()
    {
        var body = Build(["-p", "8080:80", "-p", "127.0.0.1:53:53/udp", "-p", "9000", "busybox"]);
        Assert.Equal("{\"80/tcp\":{},\"53/udp\":{},\"9000/tcp\":{}}", body["ExposedPorts"]!.ToJsonString());
        Assert.Equal("[{\"HostIp\":\"\",\"HostPort\":\"8080\"}]", body["HostConfig"]!["PortBindings"]!["80/tcp"]!.ToJsonString());
        Assert.Equal("[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"53\"}]", body["HostConfig"]!["PortBindings"]!["53/udp"]!.ToJsonString());
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("always:3")]
    [InlineData("on-failure:x")]
    public void BadRestartPolicies(string value)
    {
        Assert.Throws<FormatException>(() => Build(["--restart", value, "busybox"]));
    }

    [Fact]
    public void AttachFlagSelectsStreams()
    {
        var body = Build(["-a", "stdout", "busybox"]);
        Assert.True(body["AttachStdout"]!.GetValue<bool>());
        Assert.False(body["AttachStderr"]!.GetValue<bool>());
        Assert.Throws<FormatException>(() => Build(["-a", "stdout", "busybox"], detach: true));
    }
}
