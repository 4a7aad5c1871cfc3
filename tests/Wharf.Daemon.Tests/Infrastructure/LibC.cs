using System.Runtime.InteropServices;

namespace Wharf.Daemon.Tests.Infrastructure;

/// <summary>libc calls the tests need.</summary>
internal static partial class LibC
{
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
