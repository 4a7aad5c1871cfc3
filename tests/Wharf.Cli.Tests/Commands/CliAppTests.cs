namespace Wharf.Cli.Tests.Commands;

public sealed class CliAppTests
{
    [Fact]
    public async Task UnknownFlagExits125WithUsage()
    {
        var r = await CliHarness.RunOfflineAsync("run", "--foo", "busybox");
        Assert.Equal(125, r.ExitCode);
        Assert.Equal("unknown flag: --foo\n\nUsage:  wharf run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'wharf run --help' for more information\n", r.Stderr);
    }

    [Fact]
    public async Task UnknownCommandExits1()
    {
        var r = await CliHarness.RunOfflineAsync("frobnicate");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("wharf: unknown command: wharf frobnicate\n\nRun 'wharf --help' for more information\n", r.Stderr);
    }

    [Fact]
    public async Task UnknownSubcommandShowsGroupUsage()
    {
        var r = await CliHarness.RunOfflineAsync("container", "frob");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("wharf: unknown command: wharf container frob\n\nUsage:  wharf container\n\nRun 'wharf container --help' for more information\n", r.Stderr);
    }

    [Theory]
    [InlineData(new[] { "run" }, "wharf: 'wharf run' requires at least 1 argument\n\nUsage:  wharf run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'wharf run --help' for more information\n")]
    [InlineData(new[] { "ps", "x" }, "wharf: 'wharf ps' accepts no arguments\n\nUsage:  wharf ps [OPTIONS]\n\nRun 'wharf ps --help' for more information\n")]
    [InlineData(new[] { "tag", "a" }, "wharf: 'wharf tag' requires 2 arguments\n\nUsage:  wharf tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nRun 'wharf tag --help' for more information\n")]
    [InlineData(new[] { "container", "ls", "x" }, "wharf: 'wharf container ls' accepts no arguments\n\nUsage:  wharf container ls [OPTIONS]\n\nRun 'wharf container ls --help' for more information\n")]
    public async Task ArgumentCountErrorsExit1(string[] args, string stderr)
    {
        var r = await CliHarness.RunOfflineAsync(args);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(stderr, r.Stderr);
    }

    [Fact]
    public async Task HelpListsOptionsAndAliases()
    {
        var r = await CliHarness.RunOfflineAsync("ps", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("Usage:  wharf ps [OPTIONS]\n\nList containers\n\nAliases:\n  wharf container ls, wharf container ps, wharf container list, wharf ps\n", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("  -a, --all             Show all containers (default shows just running)\n", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("  -n, --last int        Show n last created containers (includes all states) (default -1)\n", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunHelpDoesNotTreatDashHAsHelp()
    {
        var r = await CliHarness.RunOfflineAsync("run", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("  -h, --hostname string", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InspectTemplateParseErrorExits64BeforeConnecting()
    {
        var r = await CliHarness.RunOfflineAsync("inspect", "-f", "{{.Foo", "x");
        Assert.Equal(64, r.ExitCode);
        Assert.Equal("template parsing error: template: :1: unclosed action\n", r.Stderr);
    }

    [Fact]
    public async Task PsTemplateParseErrorExits1BeforeConnecting()
    {
        var r = await CliHarness.RunOfflineAsync("ps", "--format", "{{.Foo");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("failed to parse template: template: :1: unclosed action\n", r.Stderr);
    }

    [Fact]
    public async Task UnreachableDaemonIsReported()
    {
        var r = await CliHarness.RunOfflineAsync("ps");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("Cannot connect to the Wharf daemon at unix:///nonexistent/wharf-test.sock. Is the wharf daemon running?\n", r.Stderr);
    }

    [Fact]
    public async Task GlobalHostFlagWinsOverEnvironment()
    {
        var r = await CliHarness.RunOfflineAsync("-H", "unix:///nonexistent/other.sock", "ps");
        Assert.Contains("unix:///nonexistent/other.sock", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportRefusesNothingWhenNotATerminalButNeedsDaemon()
    {
        var r = await CliHarness.RunOfflineAsync("export", "c1");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("Cannot connect", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadEnvFileFailsRunWith125()
    {
        var r = await CliHarness.RunOfflineAsync("run", "--env-file", "/nonexistent/env", "busybox");
        Assert.Equal(125, r.ExitCode);
        Assert.Equal("wharf: open /nonexistent/env: no such file or directory\n\nRun 'wharf run --help' for more information\n", r.Stderr);
    }

    [Fact]
    public async Task InvalidReferenceFailsRunWith125()
    {
        var r = await CliHarness.RunOfflineAsync("run", "UPPER:case");
        Assert.Equal(125, r.ExitCode);
        Assert.StartsWith("wharf: invalid reference format", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VersionFlag()
    {
        var r = await CliHarness.RunOfflineAsync("--version");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("Wharf version ", r.Stdout, StringComparison.Ordinal);
    }
}
