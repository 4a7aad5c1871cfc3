using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;

namespace Wharf.Engine.Runtime.Native;

/// <summary>posix_spawn with fds placed at fixed numbers (what conmon's <c>_OCI_*PIPE</c> protocol needs and <c>Process</c> cannot do).</summary>
internal static unsafe class Spawner
{
    /// <summary>
    /// Spawns <paramref name="path"/> in a new session with stdio on /dev/null, <paramref name="fdMap"/> fds dup2'ed onto their
    /// target numbers, all signal dispositions reset (the .NET runtime ignores SIGPIPE, which children would inherit) and an empty signal mask.
    /// </summary>
    public static int Spawn(string path, IReadOnlyList<string> argv, IReadOnlyList<string> env, string cwd, IReadOnlyList<(int Fd, int Target)> fdMap)
    {
        var actions = NativeMemory.AllocZeroed(LibC.SpawnFileActionsSize);
        var attr = NativeMemory.AllocZeroed(LibC.SpawnAttrSize);
        var sigset = NativeMemory.AllocZeroed(LibC.SigsetSize);
        var strings = new List<nint>();
        byte** argvp = null, envp = null;
        try
        {
            Check(LibC.posix_spawn_file_actions_init(actions));
            Check(LibC.posix_spawnattr_init(attr));
            Check(LibC.posix_spawn_file_actions_addopen(actions, 0, "/dev/null", LibC.O_RDONLY, 0));
            Check(LibC.posix_spawn_file_actions_addopen(actions, 1, "/dev/null", LibC.O_WRONLY, 0));
            Check(LibC.posix_spawn_file_actions_addopen(actions, 2, "/dev/null", LibC.O_WRONLY, 0));
            foreach (var (fd, target) in fdMap)
            {
                // dup2 onto the same number would keep FD_CLOEXEC; the callers' fds are never below 5 in a .NET process.
                if (fd == target)
                    throw new InvalidOperationException("fd already at its target number");
                Check(LibC.posix_spawn_file_actions_adddup2(actions, fd, target));
            }
            Check(LibC.posix_spawn_file_actions_addchdir_np(actions, cwd));
            Check(LibC.posix_spawnattr_setflags(attr, LibC.POSIX_SPAWN_SETSID | LibC.POSIX_SPAWN_SETSIGDEF | LibC.POSIX_SPAWN_SETSIGMASK));
            LibC.sigfillset(sigset);
            Check(LibC.posix_spawnattr_setsigdefault(attr, sigset));
            LibC.sigemptyset(sigset);
            Check(LibC.posix_spawnattr_setsigmask(attr, sigset));

            argvp = ToNative(argv, strings);
            envp = ToNative(env, strings);
            var pathp = (byte*)Marshal.StringToCoTaskMemUTF8(path);
            strings.Add((nint)pathp);
            int pid;
            var rc = LibC.posix_spawn(&pid, pathp, actions, attr, argvp, envp);
            if (rc != 0)
                throw new Win32Exception(rc, $"posix_spawn {path}: {new Win32Exception(rc).Message}");
            return pid;
        }
        finally
        {
            LibC.posix_spawn_file_actions_destroy(actions);
            LibC.posix_spawnattr_destroy(attr);
            NativeMemory.Free(actions);
            NativeMemory.Free(attr);
            NativeMemory.Free(sigset);
            foreach (var s in strings)
                Marshal.FreeCoTaskMem(s);
            NativeMemory.Free(argvp);
            NativeMemory.Free(envp);
        }
    }

    /// <summary>Blocking waitpid that retries on EINTR; returns the raw status, or -1 if the child is not ours (already reaped).</summary>
    public static int WaitPid(int pid)
    {
        int status;
        while (true)
        {
            if (LibC.waitpid(pid, &status, 0) == pid)
                return status;
            var errno = Marshal.GetLastPInvokeError();
            if (errno != LibC.EINTR)
                return -1;
        }
    }

    /// <summary>Exit code of a wait status (128+signal when signalled).</summary>
    public static int ExitCode(int status) => (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);

    private static byte** ToNative(IReadOnlyList<string> values, List<nint> strings)
    {
        var array = (byte**)NativeMemory.AllocZeroed((nuint)(values.Count + 1), (nuint)sizeof(nint));
        for (var i = 0; i < values.Count; i++)
        {
            var p = Marshal.StringToCoTaskMemUTF8(values[i]);
            strings.Add(p);
            array[i] = (byte*)p;
        }
        return array;
    }

    private static void Check(int rc)
    {
        if (rc != 0)
            throw new Win32Exception(rc);
    }

    /// <summary>A SOCK_SEQPACKET|SOCK_CLOEXEC socketpair.</summary>
    public static (int A, int B) SeqPacketPair()
    {
        int* fds = stackalloc int[2];
        if (LibC.socketpair(LibC.AF_UNIX, LibC.SOCK_SEQPACKET | LibC.SOCK_CLOEXEC, 0, fds) != 0)
            throw new Win32Exception(Marshal.GetLastPInvokeError());
        return (fds[0], fds[1]);
    }

    /// <summary>A pipe with O_CLOEXEC on both ends: (read, write).</summary>
    public static (int Read, int Write) Pipe()
    {
        int* fds = stackalloc int[2];
        if (LibC.pipe2(fds, LibC.O_CLOEXEC) != 0)
            throw new Win32Exception(Marshal.GetLastPInvokeError());
        return (fds[0], fds[1]);
    }

    /// <summary>Writes all of <paramref name="text"/> to <paramref name="fd"/>; false on error.</summary>
    public static bool WriteAll(int fd, string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        fixed (byte* p = bytes)
        {
            var done = 0;
            while (done < bytes.Length)
            {
                var n = LibC.write(fd, p + done, bytes.Length - done);
                if (n < 0)
                {
                    if (Marshal.GetLastPInvokeError() == LibC.EINTR)
                        continue;
                    return false;
                }
                done += (int)n;
            }
        }
        return true;
    }
}
