using System.Text.Json.Nodes;
using Wharf.Cli.Commands;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Tests.Commands;

public sealed class LifecycleCommandTests
{
    private static JsonObject Build(params string[] args)
    {
        var flags = new FlagSet();
        ContainerOptions.Define(flags);
        var parsed = flags.Parse(args, interspersed: false);
        return ContainerOptions.BuildBody(parsed, parsed.Positionals[0], parsed.Positionals.Skip(1).ToList(), true, _ => null, null);
    }

    [Fact]
    public void HealthFlagsBecomeAHealthcheckInNanoseconds()
    {
        var body = Build("--health-cmd", "test -f /tmp/ok", "--health-interval", "1s", "--health-timeout", "500ms", "--health-retries", "2",
            "--health-start-period", "1m", "--health-start-interval", "2s", "busybox");
        Assert.Equal("""{"Test":["CMD-SHELL","test -f /tmp/ok"],"Interval":1000000000,"Timeout":500000000,"StartPeriod":60000000000,"StartInterval":2000000000,"Retries":2}""",
            body["Healthcheck"]!.ToJsonString());
    }

    [Fact]
    public void NoHealthcheckIsNoneAndConflictsWithHealthFlags()
    {
        Assert.Equal("""{"Test":["NONE"]}""", Build("--no-healthcheck", "busybox")["Healthcheck"]!.ToJsonString());
        var e = Assert.Throws<FormatException>(() => Build("--no-healthcheck", "--health-interval", "1s", "busybox"));
        Assert.Equal("--no-healthcheck conflicts with --health-* options", e.Message);
        Assert.Null(Build("busybox")["Healthcheck"]);
    }

    [Fact]
    public void BadHealthValuesGetDockersMessages()
    {
        Assert.Equal("--health-interval cannot be negative", Assert.Throws<FormatException>(() => Build("--health-interval", "-1s", "busybox")).Message);
        Assert.StartsWith("invalid argument \"soon\" for \"--health-timeout\" flag:", Assert.Throws<FormatException>(() => Build("--health-timeout", "soon", "busybox")).Message);
    }

    [Fact]
    public void RestartConflictsWithRm()
    {
        var e = Assert.Throws<FormatException>(() => Build("--rm", "--restart", "always", "busybox"));
        Assert.Equal("conflicting options: cannot specify both --restart and --rm", e.Message);
        Assert.Equal("""{"Name":"on-failure","MaximumRetryCount":3}""", Build("--restart", "on-failure:3", "busybox")["HostConfig"]!["RestartPolicy"]!.ToJsonString());
        Assert.NotNull(Build("--rm", "--restart", "no", "busybox"));
    }

    [Fact]
    public void EventLinesUseDockersDefaultFormat()
    {
        var message = JsonNode.Parse("""
            {"status":"start","id":"abc","from":"busybox","Type":"container","Action":"start",
             "Actor":{"ID":"abc","Attributes":{"name":"x","image":"busybox","a.label":"1"}},"scope":"local",
             "time":1795471200,"timeNano":1795471200000000042}
            """)!.AsObject();
        Assert.Equal("2026-11-23T22:00:00.000000042Z container start abc (a.label=1, image=busybox, name=x)\n",
            EventsCommand.FormatEvent(message, TimeZoneInfo.Utc));
        var noAttributes = JsonNode.Parse("""{"Type":"network","Action":"create","Actor":{"ID":"n1","Attributes":{}},"time":1795471200}""")!.AsObject();
        Assert.Equal("2026-11-23T22:00:00.000000000Z network create n1\n", EventsCommand.FormatEvent(noAttributes, TimeZoneInfo.Utc));
    }

    [Fact]
    public void EventTimesShowTheLocalOffset()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("plus2", TimeSpan.FromHours(2), "plus2", "plus2");
        Assert.Equal("2026-11-24T00:00:00.000000001+02:00", EventsCommand.FormatTime(1795471200000000001, zone));
    }
}
