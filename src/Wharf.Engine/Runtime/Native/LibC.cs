using System.Runtime.InteropServices;

namespace Wharf.Engine.Runtime.Native;

/// <summary>The libc calls .NET does not expose: file metadata, xattrs and mounts (<c>LibC.Files.cs</c>), fixed-fd spawning, waitpid, O_PATH, rlimits.</summary>
internal static unsafe partial class LibC
{
    public const int O_RDONLY = 0;
    public const int O_WRONLY = 1;
    public const int O_NONBLOCK = 0x800;
    public const int O_CLOEXEC = 0x80000;
    public const int O_PATH = 0x200000;
    public const int AF_UNIX = 1;
    public const int SOCK_SEQPACKET = 5;
    public const int SOCK_CLOEXEC = 0x80000;
    public const short POSIX_SPAWN_SETSIGDEF = 0x04;
    public const short POSIX_SPAWN_SETSIGMASK = 0x08;
    public const short POSIX_SPAWN_SETSID = 0x80;
    public const int EINTR = 4;
    public const int ECHILD = 10;
    public const int ENXIO = 6;
    public const int EAGAIN = 11;
    public const int ESRCH = 3;
    public const int SHUT_WR = 1;

    // glibc x86_64/aarch64: posix_spawn_file_actions_t is 80 bytes, posix_spawnattr_t 336, sigset_t 128; over-allocate.
    public const int SpawnFileActionsSize = 256;
    public const int SpawnAttrSize = 1024;
    public const int SigsetSize = 256;

    /// <summary><c>syscall(2)</c> with no arguments.</summary>
    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    public static partial long syscall0(long number);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int open(string path, int flags, int mode);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint write(int fd, byte* buf, nint count);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int pipe2(int* fds, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int socketpair(int domain, int type, int protocol, int* fds);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int dup(int fd);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int waitpid(int pid, int* status, int options);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int kill(int pid, int sig);

    /// <summary>struct stat is at most 144 bytes on 64-bit Linux; st_dev and st_ino are its first two 8-byte fields on x86_64 and aarch64.</summary>
    public const int StatBufferSize = 256;

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int stat(string path, byte* buf);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int fstat(int fd, byte* buf);

    public const short POLLIN = 0x1;
    public const short POLLHUP = 0x10;

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint read(int fd, byte* buf, nint count);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int poll(PollFd* fds, nuint nfds, int timeout);

    /// <summary>struct pollfd.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", SetLastError = true)]
    public static partial int getrlimit(int resource, RLimit* rlim);

    [LibraryImport("libc")]
    public static partial int posix_spawn_file_actions_init(void* actions);

    [LibraryImport("libc")]
    public static partial int posix_spawn_file_actions_destroy(void* actions);

    [LibraryImport("libc")]
    public static partial int posix_spawn_file_actions_adddup2(void* actions, int fd, int newfd);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int posix_spawn_file_actions_addopen(void* actions, int fd, string path, int flags, int mode);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int posix_spawn_file_actions_addchdir_np(void* actions, string path);

    [LibraryImport("libc")]
    public static partial int posix_spawnattr_init(void* attr);

    [LibraryImport("libc")]
    public static partial int posix_spawnattr_destroy(void* attr);

    [LibraryImport("libc")]
    public static partial int posix_spawnattr_setflags(void* attr, short flags);

    [LibraryImport("libc")]
    public static partial int posix_spawnattr_setsigmask(void* attr, void* sigset);

    [LibraryImport("libc")]
    public static partial int posix_spawnattr_setsigdefault(void* attr, void* sigset);

    [LibraryImport("libc")]
    public static partial int sigemptyset(void* set);

    [LibraryImport("libc")]
    public static partial int sigfillset(void* set);

    [LibraryImport("libc")]
    public static partial int posix_spawn(int* pid, byte* path, void* fileActions, void* attr, byte** argv, byte** envp);

    /// <summary>struct rlimit.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct RLimit
    {
        public ulong Cur;
        public ulong Max;
    }
}
