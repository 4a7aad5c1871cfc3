using System.Runtime.InteropServices;

namespace Wharf.Cli.Hosting;

/// <summary>The few libc calls the CLI needs (source-generated P/Invoke, NativeAOT friendly).</summary>
internal static partial class NativeMethods
{
    [LibraryImport("libc", SetLastError = true)]
    internal static partial uint geteuid();

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int isatty(int fd);

    [LibraryImport("libc", SetLastError = true)]
    internal static unsafe partial int tcgetattr(int fd, byte* termios);

    [LibraryImport("libc", SetLastError = true)]
    internal static unsafe partial int tcsetattr(int fd, int optionalActions, byte* termios);

    [LibraryImport("libc")]
    internal static unsafe partial void cfmakeraw(byte* termios);

    [LibraryImport("libc", SetLastError = true)]
    internal static unsafe partial int ioctl(int fd, nuint request, void* argument);

    /// <summary><c>TIOCGWINSZ</c> on Linux.</summary>
    internal const nuint TIOCGWINSZ = 0x5413;

    /// <summary><c>TCSANOW</c>.</summary>
    internal const int TCSANOW = 0;
}
