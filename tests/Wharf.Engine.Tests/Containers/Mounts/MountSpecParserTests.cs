using Wharf.Core.Errors;
using Wharf.Engine.Containers.Mounts;

namespace Wharf.Engine.Tests.Containers.Mounts;

public sealed class MountSpecParserTests
{
    [Fact]
    public void ParseBind_NamedVolume_IsAVolumeWithDockersDefaultModeZ()
    {
        var point = MountSpecParser.ParseBind("data:/var/lib/db");

        Assert.Equal(MountTypes.Volume, point.Type);
        Assert.Equal("data", point.Name);
        Assert.Equal("/var/lib/db", point.Destination);
        Assert.Equal("local", point.Driver);
        Assert.Equal("z", point.Mode);
        Assert.True(point.ReadWrite);
        Assert.True(point.CopyData);
        Assert.Equal("", point.Propagation);
    }

    [Fact]
    public void ParseBind_NamedVolumeReadOnlyNoCopy_KeepsModeText()
    {
        var point = MountSpecParser.ParseBind("data:/d:ro,nocopy");

        Assert.Equal("ro,nocopy", point.Mode);
        Assert.False(point.ReadWrite);
        Assert.False(point.CopyData);
    }

    [Fact]
    public void ParseBind_DestinationOnly_IsAnAnonymousVolume()
    {
        var point = MountSpecParser.ParseBind("/data");

        Assert.Equal(MountTypes.Volume, point.Type);
        Assert.Null(point.Name);
        Assert.Equal("/data", point.Destination);
        Assert.Equal("", point.Mode);
    }

    [Fact]
    public void ParseBind_HostPath_IsABindWithRPrivateAndCleanPaths()
    {
        var point = MountSpecParser.ParseBind("/srv//www/:/usr/share/html/./");

        Assert.Equal(MountTypes.Bind, point.Type);
        Assert.Equal("/srv/www", point.Source);
        Assert.Equal("/usr/share/html", point.Destination);
        Assert.Equal("rprivate", point.Propagation);
        Assert.True(point.ReadWrite);
        Assert.True(point.CreateSource);
        Assert.Null(point.Name);
    }

    [Theory]
    [InlineData("/src:/dst:ro", false, "rprivate")]
    [InlineData("/src:/dst:rw,rshared", true, "rshared")]
    [InlineData("/src:/dst:ro,Z,slave", false, "slave")]
    public void ParseBind_HostPathModes(string spec, bool writable, string propagation)
    {
        var point = MountSpecParser.ParseBind(spec);

        Assert.Equal(writable, point.ReadWrite);
        Assert.Equal(propagation, point.Propagation);
        Assert.Equal(spec.Split(':')[2], point.Mode);
    }

    [Theory]
    [InlineData(":/data", "invalid volume specification: ':/data'")]
    [InlineData("/data:rw", "invalid volume specification: '/data:rw'")]
    [InlineData("a:b:c:d", "invalid volume specification: 'a:b:c:d'")]
    [InlineData("/src:/dst:bogus", "invalid mode: bogus")]
    [InlineData("/src:/dst:ro,rw", "invalid mode: ro,rw")]
    [InlineData("/src:relative", "invalid volume specification: '/src:relative': invalid mount config for type \"bind\": invalid mount path: 'relative' mount path must be absolute")]
    [InlineData("/src:/", "invalid volume specification: '/src:/': invalid mount config for type \"bind\": invalid specification: destination can't be '/'")]
    [InlineData("vol:/d:shared", "invalid volume specification: 'vol:/d:shared': invalid mount config for type \"volume\": field BindOptions must not be specified")]
    [InlineData("/d:/e:nocopy", "invalid volume specification: '/d:/e:nocopy': invalid mount config for type \"bind\": field VolumeOptions must not be specified")]
    public void ParseBind_Errors_HaveDockersText(string spec, string message)
    {
        var e = Assert.Throws<InvalidArgumentException>(() => MountSpecParser.ParseBind(spec));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void ParseMount_BindWithMissingSource_IsRefused()
    {
        var missing = "/nonexistent-" + Guid.NewGuid().ToString("N");

        var e = Assert.Throws<InvalidArgumentException>(() => MountSpecParser.ParseMount(new MountRequest { Type = "bind", Source = missing, Target = "/x" }));

        Assert.Equal($"invalid mount config for type \"bind\": bind source path does not exist: {missing}", e.Message);
    }

    [Fact]
    public void ParseMount_BindWithMissingSourceAndCreateMountpoint_IsAccepted()
    {
        var missing = "/nonexistent-" + Guid.NewGuid().ToString("N");

        var point = MountSpecParser.ParseMount(new MountRequest { Type = "bind", Source = missing, Target = "/x", BindCreateMountpoint = true, HasBindOptions = true });

        Assert.True(point.CreateSource);
    }

    [Fact]
    public void ParseMount_ExistingBindReadOnlyWithPropagation()
    {
        var point = MountSpecParser.ParseMount(new MountRequest { Type = "bind", Source = "/tmp", Target = "/t", ReadOnly = true, BindPropagation = "rslave", HasBindOptions = true });

        Assert.Equal(MountTypes.Bind, point.Type);
        Assert.Equal("/tmp", point.Source);
        Assert.False(point.ReadWrite);
        Assert.Equal("rslave", point.Propagation);
        Assert.Equal("", point.Mode);
        Assert.False(point.CreateSource);
    }

    [Fact]
    public void ParseMount_VolumeNoCopy()
    {
        var point = MountSpecParser.ParseMount(new MountRequest { Type = "volume", Source = "v1", Target = "/v", VolumeNoCopy = true, HasVolumeOptions = true });

        Assert.Equal("v1", point.Name);
        Assert.False(point.CopyData);
        Assert.Equal("", point.Mode);
    }

    [Fact]
    public void ParseMount_Tmpfs_RendersSizeAndModeAsDockerDoes()
    {
        var point = MountSpecParser.ParseMount(new MountRequest { Type = "tmpfs", Target = "/run/t", TmpfsSizeBytes = 64L << 20, TmpfsMode = 0x1FF });

        Assert.Equal(MountTypes.Tmpfs, point.Type);
        Assert.Equal("mode=777,size=64m", point.TmpfsData);
        Assert.Equal("", point.Source);
    }

    [Theory]
    [InlineData("bind", "", "/x", "invalid mount config for type \"bind\": field Source must not be empty")]
    [InlineData("bind", "rel", "/x", "invalid mount config for type \"bind\": invalid mount path: 'rel' mount path must be absolute")]
    [InlineData("volume", "v", "", "invalid mount config for type \"volume\": field Target must not be empty")]
    [InlineData("volume", "v", "/", "invalid mount config for type \"volume\": invalid specification: destination can't be '/'")]
    [InlineData("tmpfs", "src", "/x", "invalid mount config for type \"tmpfs\": field Source must not be specified")]
    [InlineData("npipe", "", "/x", "invalid mount config for type \"npipe\": mount type unknown")]
    public void ParseMount_Errors_HaveDockersText(string type, string source, string target, string message)
    {
        var e = Assert.Throws<InvalidArgumentException>(() => MountSpecParser.ParseMount(new MountRequest { Type = type, Source = source, Target = target }));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void ParseMount_ReadOnlyAnonymousVolume_IsRefused()
    {
        var e = Assert.Throws<InvalidArgumentException>(() => MountSpecParser.ParseMount(new MountRequest { Type = "volume", Target = "/x", ReadOnly = true }));

        Assert.Contains("must not set ReadOnly mode when using anonymous volumes", e.Message);
    }

    [Theory]
    [InlineData("web", "web", "rw")]
    [InlineData("web:ro", "web", "ro")]
    [InlineData("web:rw", "web", "rw")]
    public void ParseVolumesFrom(string spec, string container, string mode)
    {
        Assert.Equal((container, mode), MountSpecParser.ParseVolumesFrom(spec));
    }

    [Theory]
    [InlineData("web:rshared")]
    [InlineData("web:nocopy")]
    [InlineData("web:bogus")]
    public void ParseVolumesFrom_BadMode_IsRefused(string spec)
    {
        var e = Assert.Throws<InvalidArgumentException>(() => MountSpecParser.ParseVolumesFrom(spec));

        Assert.StartsWith("invalid mode: ", e.Message);
    }

    [Fact]
    public void TmpfsOptions_DefaultsThenUserOptionsWin()
    {
        Assert.Equal(["noexec", "nosuid", "nodev", "rprivate"], MountSpecParser.TmpfsOptions(""));
        Assert.Equal(["nosuid", "nodev", "rprivate", "exec", "size=1m"], MountSpecParser.TmpfsOptions("exec,size=1m"));
        Assert.Equal(["noexec", "nosuid", "nodev", "rprivate", "size=2m"], MountSpecParser.TmpfsOptions("size=1m,size=2m"));
    }

    [Theory]
    [InlineData("relative")]
    [InlineData("/")]
    public void ParseTmpfs_BadDestination_IsRefused(string destination)
    {
        Assert.Throws<InvalidArgumentException>(() => MountSpecParser.ParseTmpfs(destination, null));
    }

    [Fact]
    public void ParseTmpfs_ReadOnlyOption_MakesItReadOnly()
    {
        var point = MountSpecParser.ParseTmpfs("/cache/", "ro,size=1m");

        Assert.Equal("/cache", point.Destination);
        Assert.False(point.ReadWrite);
        Assert.Equal("ro,size=1m", point.TmpfsData);
    }
}
