using System.Runtime.InteropServices;

namespace Wharf.Engine.Networks.Linux;

/// <summary>The libc calls behind <see cref="Netlink"/> and <see cref="NetworkNamespaces"/>.</summary>
internal static partial class NetlinkNative
{
    public const int AfNetlink = 16;
    public const int SockRaw = 3;
    public const int SockCloexec = 0x80000;
    public const int NetlinkRoute = 0;
    public const int CloneNewNet = 0x40000000;
    public const int ORdOnly = 0;
    public const int OCloexec = 0x80000;
    public const ulong MsBind = 0x1000;

    [LibraryImport("libc", SetLastError = true)]
    public static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc", SetLastError = true)]
    public static unsafe partial nint send(int fd, byte* buffer, nint length, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static unsafe partial nint recv(int fd, byte* buffer, nint length, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int unshare(int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int setns(int fd, int nstype);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int gettid();

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int mount(string source, string target, string? type, ulong flags, nint data);

    /// <summary>The errno of the last failed call, as an exception naming the call.</summary>
    public static NetworkHostException Error(string call, string? subject = null)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new NetworkHostException($"{call}{(subject is null ? "" : " " + subject)}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
    }
}
