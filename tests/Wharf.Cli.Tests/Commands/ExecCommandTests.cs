using System.Text.Json.Nodes;
using Wharf.Cli.Commands;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Tests.Commands;

public sealed class ExecCommandTests
{
    private static JsonObject Build(string[] args, Func<string, string?>? env = null)
    {
        var command = new ExecCommand();
        var flags = command.CreateFlagSet();
        var parsed = flags.Parse(args, interspersed: !command.StopsAtFirstPositional);
        return ExecCommand.BuildBody(parsed, parsed.Positionals.Skip(1).ToList(), env ?? (_ => null));
    }

    [Fact]
    public void AttachesOutputByDefaultAndStdinWithDashI()
    {
        var plain = Build(["c1", "ls", "-l"]);
        Assert.Equal("[\"ls\",\"-l\"]", plain["Cmd"]!.ToJsonString());
        Assert.True(plain["AttachStdout"]!.GetValue<bool>());
        Assert.True(plain["AttachStderr"]!.GetValue<bool>());
        Assert.False(plain["AttachStdin"]!.GetValue<bool>());
        Assert.False(plain["Tty"]!.GetValue<bool>());

        var interactive = Build(["-it", "c1", "sh"]);
        Assert.True(interactive["AttachStdin"]!.GetValue<bool>());
        Assert.True(interactive["Tty"]!.GetValue<bool>());
    }

    [Fact]
    public void DetachAttachesNothing()
    {
        var body = Build(["-d", "-i", "c1", "sleep", "1"]);
        Assert.False(body["AttachStdin"]!.GetValue<bool>());
        Assert.False(body["AttachStdout"]!.GetValue<bool>());
        Assert.False(body["AttachStderr"]!.GetValue<bool>());
    }

    [Fact]
    public void FlagsAfterTheContainerBelongToTheCommand()
    {
        var body = Build(["-u", "nobody", "-w", "/tmp", "--privileged", "--detach-keys", "ctrl-a,x", "c1", "sh", "-c", "echo -e"]);
        Assert.Equal("nobody", body["User"]!.GetValue<string>());
        Assert.Equal("/tmp", body["WorkingDir"]!.GetValue<string>());
        Assert.True(body["Privileged"]!.GetValue<bool>());
        Assert.Equal("ctrl-a,x", body["DetachKeys"]!.GetValue<string>());
        Assert.Equal("[\"sh\",\"-c\",\"echo -e\"]", body["Cmd"]!.ToJsonString());
    }

    [Fact]
    public void EnvFromFlagsAndFiles()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "# comment\nA=1\nFROM_HOST\n");
            var body = Build(["--env-file", file, "-e", "B=2", "-e", "HOSTVAR", "c1", "env"], name => name is "FROM_HOST" or "HOSTVAR" ? "h" : null);
            Assert.Equal("[\"A=1\",\"FROM_HOST=h\",\"B=2\",\"HOSTVAR=h\"]", body["Env"]!.ToJsonString());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
