using Wharf.Core.Errors;
using Wharf.Core.Signals;

namespace Wharf.Core.Tests.Signals;

public sealed class SignalNamesTests
{
    [Theory]
    [InlineData("SIGTERM", 15)]
    [InlineData("TERM", 15)]
    [InlineData("term", 15)]
    [InlineData("sigkill", 9)]
    [InlineData("SigKill", 9)]
    [InlineData("KILL", 9)]
    [InlineData("15", 15)]
    [InlineData("9", 9)]
    [InlineData("1", 1)]
    [InlineData("HUP", 1)]
    [InlineData("SIGINT", 2)]
    [InlineData("QUIT", 3)]
    [InlineData("USR1", 10)]
    [InlineData("SIGUSR2", 12)]
    [InlineData("CHLD", 17)]
    [InlineData("CLD", 17)]
    [InlineData("CONT", 18)]
    [InlineData("STOP", 19)]
    [InlineData("TSTP", 20)]
    [InlineData("WINCH", 28)]
    [InlineData("IO", 29)]
    [InlineData("POLL", 29)]
    [InlineData("IOT", 6)]
    [InlineData("STKFLT", 16)]
    [InlineData("PWR", 30)]
    [InlineData("SYS", 31)]
    [InlineData("RTMIN", 34)]
    [InlineData("SIGRTMIN+1", 35)]
    [InlineData("rtmin+15", 49)]
    [InlineData("RTMAX-14", 50)]
    [InlineData("SIGRTMAX-1", 63)]
    [InlineData("RTMAX", 64)]
    [InlineData("64", 64)]
    public void ParsesNamesAndNumbers(string value, int number)
    {
        Assert.Equal(number, SignalNames.Parse(value));
        Assert.True(SignalNames.TryParse(value, out var parsed));
        Assert.Equal(number, parsed);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("-1")]
    [InlineData("")]
    [InlineData("SIG")]
    [InlineData("FOO")]
    [InlineData("SIGFOO")]
    [InlineData("RTMIN-1")]
    [InlineData("RTMAX+1")]
    [InlineData("RTMIN+")]
    [InlineData(" TERM")]
    [InlineData("9 ")]
    public void RejectsWithDockersWording(string value)
    {
        var error = Assert.Throws<InvalidArgumentException>(() => SignalNames.Parse(value));
        Assert.Equal($"Invalid signal: {value}", error.Message);
        Assert.False(SignalNames.TryParse(value, out _));
    }

    [Theory]
    [InlineData(1, "SIGHUP")]
    [InlineData(6, "SIGABRT")]
    [InlineData(9, "SIGKILL")]
    [InlineData(15, "SIGTERM")]
    [InlineData(17, "SIGCHLD")]
    [InlineData(29, "SIGIO")]
    [InlineData(31, "SIGSYS")]
    [InlineData(34, "SIGRTMIN")]
    [InlineData(37, "SIGRTMIN+3")]
    [InlineData(49, "SIGRTMIN+15")]
    [InlineData(50, "SIGRTMAX-14")]
    [InlineData(63, "SIGRTMAX-1")]
    [InlineData(64, "SIGRTMAX")]
    [InlineData(0, null)]
    [InlineData(32, null)]
    [InlineData(33, null)]
    [InlineData(65, null)]
    public void NamesNumbers(int number, string? name)
    {
        Assert.Equal(name, SignalNames.NameOf(number));
        if (name is not null)
        {
            Assert.Equal(number, SignalNames.Parse(name));
        }
    }
}
