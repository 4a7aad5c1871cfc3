using Wharf.Cli.Hosting;

namespace Wharf.Cli.Terminal;

/// <summary>Puts a terminal into raw mode and restores the saved settings on dispose (and on process exit, as a backstop).</summary>
internal sealed unsafe class RawTerminal : IDisposable
{
    private const int TermiosSize = 256;
    private readonly int _fd;
    private readonly byte[] _saved = new byte[TermiosSize];
    private int _restored;

    private RawTerminal(int fd) => _fd = fd;

    /// <summary>Switches <paramref name="fd"/> to raw mode; returns null when it is not a terminal.</summary>
    public static RawTerminal? Enter(int fd)
    {
        if (NativeMethods.isatty(fd) != 1)
        {
            return null;
        }
        var terminal = new RawTerminal(fd);
        fixed (byte* saved = terminal._saved)
        {
            if (NativeMethods.tcgetattr(fd, saved) != 0)
            {
                return null;
            }
        }
        var raw = (byte[])terminal._saved.Clone();
        fixed (byte* r = raw)
        {
            NativeMethods.cfmakeraw(r);
            if (NativeMethods.tcsetattr(fd, NativeMethods.TCSANOW, r) != 0)
            {
                return null;
            }
        }
        AppDomain.CurrentDomain.ProcessExit += terminal.OnExit;
        return terminal;
    }

    /// <summary>The terminal size (rows, columns), or null when unknown.</summary>
    public static (int Height, int Width)? GetSize(int fd)
    {
        ushort* size = stackalloc ushort[4];
        if (NativeMethods.ioctl(fd, NativeMethods.TIOCGWINSZ, size) != 0 || size[0] == 0)
        {
            return null;
        }
        return (size[0], size[1]);
    }

    private void OnExit(object? sender, EventArgs e) => Restore();

    /// <summary>Restores the saved settings (idempotent).</summary>
    public void Restore()
    {
        if (Interlocked.Exchange(ref _restored, 1) != 0)
        {
            return;
        }
        fixed (byte* saved = _saved)
        {
            NativeMethods.tcsetattr(_fd, NativeMethods.TCSANOW, saved);
        }
    }

    /// <summary>Restores the saved settings.</summary>
    public void Dispose()
    {
        Restore();
        AppDomain.CurrentDomain.ProcessExit -= OnExit;
    }
}
