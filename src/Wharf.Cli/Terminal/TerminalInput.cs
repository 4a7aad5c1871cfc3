using Microsoft.Win32.SafeHandles;

namespace Wharf.Cli.Terminal;

/// <summary>
/// Reads a terminal's fd directly. .NET's console stdin stream does its own line editing and echo on a terminal, which
/// would fight raw mode; container input must be the keys exactly as typed.
/// </summary>
internal static class TerminalInput
{
    /// <summary>A read-only stream over <paramref name="fd"/> (not closed with the stream).</summary>
    public static Stream Open(int fd) => new FileStream(new SafeFileHandle(fd, ownsHandle: false), FileAccess.Read, bufferSize: 0);
}
