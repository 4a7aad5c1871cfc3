using System.Runtime.InteropServices;
using Wharf.Engine.Runtime.Native;

namespace Wharf.Engine.Runtime.Conmon;

/// <summary>
/// Starts a created runc container in-process. <c>runc start</c> only opens the container's <c>exec.fifo</c> in its state
/// directory, reads the byte runc init writes there (which releases init into execve) and removes the fifo. Doing the
/// same here saves a runtime process on every start; when anything is unexpected the caller falls back to <c>runc start</c>.
/// </summary>
internal static unsafe class ExecFifo
{
    private const int WaitSliceMs = 100;
    private const int MaxWaitMs = 10_000;

    /// <summary>True if the container was released; false if the fifo is missing or init is not waiting on it.</summary>
    public static bool TryStart(string stateDir)
    {
        var path = Path.Combine(stateDir, "exec.fifo");
        // O_NONBLOCK: a blocking open would hang forever if init died before opening its end.
        var fd = LibC.open(path, LibC.O_RDONLY | LibC.O_NONBLOCK | LibC.O_CLOEXEC, 0);
        if (fd < 0)
            return false;
        try
        {
            var buffer = stackalloc byte[16];
            var gotData = false;
            var waited = 0;
            while (true)
            {
                var n = LibC.read(fd, buffer, 16);
                if (n > 0)
                {
                    gotData = true;
                    continue;
                }
                if (n == 0)
                    break; // all writers closed: init has gone on to execve (or died).
                var errno = Marshal.GetLastPInvokeError();
                if (errno == LibC.EINTR)
                    continue;
                if (errno != LibC.EAGAIN || waited >= MaxWaitMs)
                    return false;
                var pfd = new LibC.PollFd { Fd = fd, Events = LibC.POLLIN };
                LibC.poll(&pfd, 1, WaitSliceMs);
                waited += WaitSliceMs;
            }
            if (!gotData)
                return false;
        }
        finally
        {
            LibC.close(fd);
        }
        // runc decides "created" vs "running" by the fifo's existence.
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        return true;
    }
}
