using Wharf.Core.Errors;
using Wharf.Core.Oci;
using Wharf.Engine.Images;

namespace Wharf.Engine.Tests.Images;

public sealed class ImageChangesTests
{
    private static ImageRuntimeConfig Apply(params string[] changes) => ImageChanges.Apply(new ImageRuntimeConfig(), changes);

    [Fact]
    public void CmdAndEntrypointExecAndShellForms()
    {
        Assert.Equal(["echo", "hi"], Apply("CMD [\"echo\", \"hi\"]").Cmd);
        Assert.Equal(["/bin/sh", "-c", "echo $HOME && ls"], Apply("CMD echo $HOME && ls").Cmd);
        var config = Apply("ENTRYPOINT [\"/init\"]");
        Assert.Equal(["/init"], config.Entrypoint);
        Assert.Equal(["/bin/sh", "-c", "run me"], Apply("ENTRYPOINT run me").Entrypoint);
        Assert.Equal(["/bin/sh", "-c", "[not json"], Apply("CMD [not json").Cmd);
    }

    [Fact]
    public void EntrypointResetsInheritedCmdButNotOneSetInTheSameChanges()
    {
        var inherited = new ImageRuntimeConfig { Cmd = ["sh"] };
        ImageChanges.Apply(inherited, ["ENTRYPOINT [\"/e\"]"]);
        Assert.Null(inherited.Cmd);
        Assert.Equal(["a"], Apply("CMD [\"a\"]", "ENTRYPOINT [\"/e\"]").Cmd);
    }

    [Fact]
    public void EnvBothFormsQuotesAndExpansion()
    {
        var config = Apply("ENV A=1 B=\"two words\" C='$A'", "ENV D the rest of the line", "ENV E=$A-${B} A=9", "ENV B=\\$x");
        Assert.Equal(["A=9", "B=$x", "C=$A", "D=the rest of the line", "E=1-two words"], config.Env!.OrderBy(e => e, StringComparer.Ordinal));
    }

    [Fact]
    public void ExposeLabelVolumeWorkdirUserStopSignalOnBuild()
    {
        var config = Apply(
            "EXPOSE 80 53/udp 8000-8002",
            "LABEL a=b \"c d\"=\"e f\"",
            "LABEL legacy value here",
            "VOLUME [\"/data\", \"/logs\"]",
            "VOLUME /cache /tmp/x",
            "WORKDIR /app",
            "WORKDIR sub/../src",
            "USER 1000:1000",
            "STOPSIGNAL SIGTERM",
            "ONBUILD RUN echo hi",
            "HEALTHCHECK --interval=30s --retries=3 CMD curl -f http://localhost/");
        Assert.Equal(["53/udp", "80/tcp", "8000/tcp", "8001/tcp", "8002/tcp"], config.ExposedPorts!.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal("b", config.Labels!["a"]);
        Assert.Equal("e f", config.Labels["c d"]);
        Assert.Equal("value here", config.Labels["legacy"]);
        Assert.Equal(["/cache", "/data", "/logs", "/tmp/x"], config.Volumes!.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal("/app/src", config.WorkingDir);
        Assert.Equal("1000:1000", config.User);
        Assert.Equal("SIGTERM", config.StopSignal);
        Assert.Equal(["RUN echo hi"], config.OnBuild);
        Assert.Equal(["CMD-SHELL", "curl -f http://localhost/"], config.Healthcheck!.Test);
        Assert.Equal(30_000_000_000L, config.Healthcheck.Interval);
        Assert.Equal(3, config.Healthcheck.Retries);
        Assert.Equal(["NONE"], Apply("HEALTHCHECK NONE").Healthcheck!.Test);
    }

    [Theory]
    [InlineData("FOO bar", "foo is not a valid change command")]
    [InlineData("RUN echo hi", "run is not a valid change command")]
    [InlineData("FROM busybox", "from is not a valid change command")]
    [InlineData("ENV", "dockerfile parse error on line 1: ENV requires at least one argument")]
    [InlineData("ENV lonely", "dockerfile parse error on line 1: ENV must have two arguments")]
    [InlineData("ENV =x", "dockerfile parse error on line 1: ENV names can not be blank")]
    [InlineData("EXPOSE abc", "dockerfile parse error on line 1: Invalid containerPort: abc")]
    [InlineData("EXPOSE 80/xtp", "dockerfile parse error on line 1: invalid proto: xtp")]
    [InlineData("STOPSIGNAL NOPE", "dockerfile parse error on line 1: Invalid signal: NOPE")]
    [InlineData("WORKDIR", "dockerfile parse error on line 1: WORKDIR requires exactly one argument")]
    [InlineData("ONBUILD ONBUILD RUN x", "dockerfile parse error on line 1: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed")]
    public void BadChangesAreRefusedWithDockersWording(string change, string message)
    {
        var error = Assert.Throws<InvalidArgumentException>(() => Apply(change));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void ErrorNamesTheLineAndNothingIsHalfApplied()
    {
        var config = new ImageRuntimeConfig();
        var error = Assert.Throws<InvalidArgumentException>(() => ImageChanges.Apply(config, ["USER x", "BOGUS"]));
        Assert.Equal("bogus is not a valid change command", error.Message);
        Assert.Null(config.User);
        error = Assert.Throws<InvalidArgumentException>(() => Apply("USER x", "EXPOSE 99999"));
        Assert.StartsWith("dockerfile parse error on line 2:", error.Message);
    }
}
