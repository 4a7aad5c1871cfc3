using Wharf.Core.Errors;
using Wharf.Core.Oci;
using Wharf.Engine.Containers;

namespace Wharf.Engine.Tests.Containers;

public sealed class ContainerConfigMergerTests
{
    private static readonly ImageRuntimeConfig Image = new()
    {
        Entrypoint = ["/entry.sh"],
        Cmd = ["serve", "--port", "80"],
        Env = ["PATH=/usr/bin:/bin", "MODE=prod"],
        WorkingDir = "/app",
        User = "daemon",
        Labels = new() { ["maintainer"] = "me", ["tier"] = "image" },
        StopSignal = "SIGQUIT",
        ExposedPorts = new() { ["80/tcp"] = new EmptyObject() },
    };

    [Fact]
    public void ImageDefaultsApplyWhenUserGivesNothing()
    {
        var merged = ContainerConfigMerger.Merge(new ContainerConfig { Image = "x" }, Image);
        Assert.Equal(["/entry.sh"], merged.Entrypoint!);
        Assert.Equal(["serve", "--port", "80"], merged.Cmd!);
        Assert.Equal("/app", merged.WorkingDir);
        Assert.Equal("daemon", merged.User);
        Assert.Equal("SIGQUIT", merged.StopSignal);
        Assert.Equal(["80/tcp"], merged.ExposedPorts!);
        var (path, args) = ContainerConfigMerger.EntrypointAndArgs(merged);
        Assert.Equal("/entry.sh", path);
        Assert.Equal(["serve", "--port", "80"], args);
    }

    [Fact]
    public void UserCmdReplacesImageCmdButKeepsEntrypoint()
    {
        var merged = ContainerConfigMerger.Merge(new ContainerConfig { Cmd = ["echo", "hi"] }, Image);
        Assert.Equal(["/entry.sh"], merged.Entrypoint!);
        Assert.Equal(["echo", "hi"], merged.Cmd!);
    }

    [Fact]
    public void UserEntrypointDropsImageCmd()
    {
        var merged = ContainerConfigMerger.Merge(new ContainerConfig { Entrypoint = ["sh"] }, Image);
        Assert.Equal(["sh"], merged.Entrypoint!);
        Assert.Null(merged.Cmd);
        var (path, args) = ContainerConfigMerger.EntrypointAndArgs(merged);
        Assert.Equal("sh", path);
        Assert.Empty(args);
    }

    [Fact]
    public void UserEntrypointAndCmdBothKept()
    {
        var merged = ContainerConfigMerger.Merge(new ContainerConfig { Entrypoint = ["sh", "-c"], Cmd = ["exit 3"] }, Image);
        var (path, args) = ContainerConfigMerger.EntrypointAndArgs(merged);
        Assert.Equal("sh", path);
        Assert.Equal(["-c", "exit 3"], args);
    }

    [Fact]
    public void EmptyStringEntrypointClearsEntrypointAndImageCmd()
    {
        var merged = ContainerConfigMerger.Merge(new ContainerConfig { Entrypoint = [""], Cmd = ["ls", "/"] }, Image);
        Assert.Null(merged.Entrypoint);
        Assert.Equal(["ls", "/"], merged.Cmd!);
        Assert.Equal("ls", ContainerConfigMerger.EntrypointAndArgs(merged).Path);
    }

    [Fact]
    public void EmptyStringEntrypointWithoutCmdIsNoCommand()
    {
        var error = Assert.Throws<InvalidArgumentException>(() => ContainerConfigMerger.Merge(new ContainerConfig { Entrypoint = [""] }, Image));
        Assert.Equal("No command specified", error.Message);
    }

    [Fact]
    public void NoCommandAnywhereIsRejected()
    {
        Assert.Throws<InvalidArgumentException>(() => ContainerConfigMerger.Merge(new ContainerConfig(), new ImageRuntimeConfig()));
    }

    [Fact]
    public void EnvUserFirstThenImageKeysNotOverridden()
    {
        var merged = ContainerConfigMerger.Merge(new ContainerConfig { Env = ["MODE=dev", "EXTRA=1"] }, Image);
        Assert.Equal(["MODE=dev", "EXTRA=1", "PATH=/usr/bin:/bin"], merged.Env!);
    }

    [Fact]
    public void EnvWithoutUserValuesIsImageEnv()
    {
        var merged = ContainerConfigMerger.Merge(new ContainerConfig(), Image);
        Assert.Equal(["PATH=/usr/bin:/bin", "MODE=prod"], merged.Env!);
    }

    [Fact]
    public void UserValuesWinOverImageDefaults()
    {
        var merged = ContainerConfigMerger.Merge(new ContainerConfig
        {
            User = "1000:1000",
            WorkingDir = "/tmp",
            Labels = new Dictionary<string, string> { ["tier"] = "user" },
        }, Image);
        Assert.Equal("1000:1000", merged.User);
        Assert.Equal("/tmp", merged.WorkingDir);
        Assert.Equal("user", merged.Labels!["tier"]);
        Assert.Equal("me", merged.Labels!["maintainer"]);
    }

    [Fact]
    public void LabelsNeverNull()
    {
        var merged = ContainerConfigMerger.Merge(new ContainerConfig { Cmd = ["true"] }, null);
        Assert.NotNull(merged.Labels);
        Assert.Empty(merged.Labels!);
    }
}
