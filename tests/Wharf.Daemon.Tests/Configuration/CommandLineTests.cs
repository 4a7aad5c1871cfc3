using Wharf.Daemon.Configuration;
using Wharf.Daemon.Tests.Infrastructure;

namespace Wharf.Daemon.Tests.Configuration;

public sealed class CommandLineTests
{
    [Fact]
    public void Parses_DockerdStyleFlags()
    {
        var r = CommandLine.Parse(["-H", "unix:///tmp/a.sock", "--host=tcp://127.0.0.1:2376", "-Hunix:///tmp/b.sock",
            "--data-root", "/tmp/d", "--exec-root=/tmp/e", "--pidfile", "/tmp/p.pid", "-D", "--log-level", "debug",
            "--storage-driver", "vfs", "--cgroup-parent", "cg"]);
        var o = r.Options;
        Assert.Equal(["unix:///tmp/a.sock", "tcp://127.0.0.1:2376", "unix:///tmp/b.sock"], o.EffectiveHosts);
        Assert.Equal("/tmp/d", o.DataRoot);
        Assert.Equal("/tmp/e", o.ExecRoot);
        Assert.Equal("/tmp/p.pid", o.EffectivePidFile);
        Assert.True(o.Debug);
        Assert.Equal("debug", o.LogLevel);
        Assert.Equal("vfs", o.StorageDriver);
        Assert.Equal("cg", o.CgroupParent);
    }

    [Fact]
    public void Defaults_AreTheInstalledDaemons()
    {
        var o = CommandLine.Parse([]).Options;
        Assert.Equal(["unix:///run/wharf/wharf.sock"], o.EffectiveHosts);
        Assert.Equal("/var/lib/wharf", o.DataRoot);
        Assert.Equal("/run/wharf/wharfd.pid", o.EffectivePidFile);
    }

    [Theory]
    [InlineData("--nope")]
    [InlineData("-Z")]
    [InlineData("--data-root")]
    [InlineData("extra")]
    [InlineData("-H", "fd://")]
    [InlineData("-H", "udp://1.2.3.4:5")]
    [InlineData("--log-level", "loud")]
    public void BadInput_IsAUsageError(params string[] args) => Assert.Throws<DaemonUsageException>(() => CommandLine.Parse(args));

    [Fact]
    public void ConfigFile_FillsOptions_AndConflictsWithFlags()
    {
        using var dir = new TempDir();
        var file = dir.Combine("daemon.json");
        File.WriteAllText(file, """{"data-root":"/tmp/x","hosts":["unix:///tmp/c.sock"],"runtimes":{"crun":{"path":"/usr/bin/crun"}},"debug":true}""");
        var merged = DaemonConfigFile.Merge(CommandLine.Parse(["--config-file", file, "--exec-root", "/tmp/r"]));
        Assert.Equal("/tmp/x", merged.DataRoot);
        Assert.Equal("/tmp/r", merged.ExecRoot);
        Assert.Equal(["unix:///tmp/c.sock"], merged.EffectiveHosts);
        Assert.Equal("/usr/bin/crun", merged.Runtimes["crun"]);
        Assert.True(merged.Debug);

        var conflict = Assert.Throws<DaemonUsageException>(() => DaemonConfigFile.Merge(CommandLine.Parse(["--config-file", file, "--data-root", "/tmp/y"])));
        Assert.Contains("specified both as a flag and in the configuration file: data-root: (from flag: /tmp/y, from file: /tmp/x)", conflict.Message);
    }

    [Fact]
    public void ConfigFile_UnknownKeyOrMissingFile_IsAnError()
    {
        using var dir = new TempDir();
        var file = dir.Combine("daemon.json");
        File.WriteAllText(file, """{"bogus-key":1}""");
        Assert.Contains("don't match any configuration option: bogus-key",
            Assert.Throws<DaemonUsageException>(() => DaemonConfigFile.Merge(CommandLine.Parse(["--config-file", file]))).Message);
        Assert.Throws<DaemonUsageException>(() => DaemonConfigFile.Merge(CommandLine.Parse(["--config-file", dir.Combine("missing.json")])));
    }
}
