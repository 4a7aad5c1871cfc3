using System.Text.Json.Nodes;
using Wharf.Cli.Commands;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Tests.Commands;

public sealed class VolumeMountOptionTests
{
    [Fact]
    public void BindWithReadonlyAndPropagation()
    {
        var mount = VolumeMountOption.Parse("type=bind,source=/srv,target=/data,readonly,bind-propagation=rshared", "/");

        Assert.Equal("""{"Type":"bind","Source":"/srv","Target":"/data","ReadOnly":true,"BindOptions":{"Propagation":"rshared"}}""", mount.ToJsonString());
    }

    [Fact]
    public void VolumeIsTheDefaultTypeAndCollectsLabelsAndOptions()
    {
        var mount = VolumeMountOption.Parse("src=data,dst=/d,volume-nocopy,volume-label=a=b,volume-opt=type=tmpfs,volume-opt=device=tmpfs", "/");

        Assert.Equal("volume", mount["Type"]!.GetValue<string>());
        Assert.Equal("data", mount["Source"]!.GetValue<string>());
        Assert.True(mount["VolumeOptions"]!["NoCopy"]!.GetValue<bool>());
        Assert.Equal("b", mount["VolumeOptions"]!["Labels"]!["a"]!.GetValue<string>());
        Assert.Equal("""{"type":"tmpfs","device":"tmpfs"}""", mount["VolumeOptions"]!["DriverConfig"]!["Options"]!.ToJsonString());
    }

    [Fact]
    public void TmpfsSizeAndOctalMode()
    {
        var mount = VolumeMountOption.Parse("type=tmpfs,destination=/t,tmpfs-size=64m,tmpfs-mode=1770", "/");

        Assert.Equal(64L << 20, mount["TmpfsOptions"]!["SizeBytes"]!.GetValue<long>());
        Assert.Equal(0x3F8u, mount["TmpfsOptions"]!["Mode"]!.GetValue<uint>());
    }

    [Fact]
    public void QuotedFieldsMayContainCommasAndQuotes()
    {
        var mount = VolumeMountOption.Parse("type=bind,\"source=/a,b\",\"target=/say \"\"hi\"\"\"", "/");

        Assert.Equal("/a,b", mount["Source"]!.GetValue<string>());
        Assert.Equal("/say \"hi\"", mount["Target"]!.GetValue<string>());
    }

    [Fact]
    public void RelativeSourceIsMadeAbsolute()
    {
        var mount = VolumeMountOption.Parse("type=bind,src=./sub,dst=/x", "/work");

        Assert.Equal("/work/sub", mount["Source"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("type=bind,target", "invalid field 'target' must be a key=value pair")]
    [InlineData("type=volume,src=x", "target is required")]
    [InlineData("type=,dst=/x", "type is required")]
    [InlineData("dst=/x,color=red", "unexpected key 'color' in 'color=red'")]
    [InlineData("dst=/x,readonly=maybe", "invalid value for readonly: maybe")]
    [InlineData("type=bind,src=/a,dst=/x,volume-nocopy", "cannot mix 'volume-*' options with mount type 'bind'")]
    [InlineData("type=volume,dst=/x,bind-propagation=shared", "cannot mix 'bind-*' options with mount type 'volume'")]
    [InlineData("type=bind,src=/a,dst=/x,tmpfs-size=1m", "cannot mix 'tmpfs-*' options with mount type 'bind'")]
    [InlineData("type=tmpfs,dst=/x,tmpfs-mode=9", "invalid value for tmpfs-mode: 9")]
    [InlineData("type=bind,src=a\"b,dst=/x", "parse error on line 1, column 16: bare \" in non-quoted-field")]
    public void Errors(string value, string message)
    {
        var e = Assert.Throws<FormatException>(() => VolumeMountOption.Parse(value, "/"));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void DashVSplitsBindsFromAnonymousVolumesAndOtherFlagsMapToHostConfig()
    {
        var flags = new FlagSet();
        ContainerOptions.Define(flags);
        var parsed = flags.Parse(["-v", "data:/d", "-v", "/anon", "-v", "/h:/c:ro", "--tmpfs", "/t:size=1m", "--tmpfs", "/u",
            "--volumes-from", "web:ro", "--mount", "type=tmpfs,dst=/m", "busybox"], interspersed: false);
        var body = ContainerOptions.BuildBody(parsed, "busybox", [], false, _ => null, null);
        var host = body["HostConfig"]!;

        Assert.Equal("""["data:/d","/h:/c:ro"]""", host["Binds"]!.ToJsonString());
        Assert.Equal("""{"/anon":{}}""", body["Volumes"]!.ToJsonString());
        Assert.Equal("""{"/t":"size=1m","/u":""}""", host["Tmpfs"]!.ToJsonString());
        Assert.Equal("""["web:ro"]""", host["VolumesFrom"]!.ToJsonString());
        Assert.Equal("""[{"Type":"tmpfs","Target":"/m"}]""", host["Mounts"]!.ToJsonString());
    }

    [Fact]
    public void BadMountFlagNamesTheFlag()
    {
        var flags = new FlagSet();
        ContainerOptions.Define(flags);
        var parsed = flags.Parse(["--mount", "dst", "busybox"], interspersed: false);

        var e = Assert.Throws<FormatException>(() => ContainerOptions.BuildBody(parsed, "busybox", [], false, _ => null, null));

        Assert.Equal("invalid argument \"dst\" for \"--mount\" flag: invalid field 'dst' must be a key=value pair", e.Message);
    }

    [Fact]
    public void NetworkIpamAssignsGatewaysAndRangesToTheirSubnets()
    {
        var config = NetworkIpamBuilder.Build(["10.1.0.0/16", "10.2.0.0/16"], ["10.2.1.0/24"], ["10.1.0.254", "10.2.0.1"], new Dictionary<string, string> { ["host1"] = "10.1.0.5" });

        Assert.Equal("""[{"Subnet":"10.1.0.0/16","Gateway":"10.1.0.254","AuxiliaryAddresses":{"host1":"10.1.0.5"}},{"Subnet":"10.2.0.0/16","IPRange":"10.2.1.0/24","Gateway":"10.2.0.1"}]""", config.ToJsonString());
        var e = Assert.Throws<StatusException>(() => NetworkIpamBuilder.Build(["10.1.0.0/16"], [], ["10.9.0.1"], new Dictionary<string, string>()));
        Assert.Equal("no matching subnet for gateway 10.9.0.1", e.Message);
    }
}
