using System.Runtime.InteropServices;

namespace Wharf.Daemon.Hosting;

/// <summary>
/// Gives memory back after a burst of work (an import, a series of runs): once the API has been quiet for
/// <c>quiet</c> after serving requests, one aggressive (decommitting) full GC and a <c>malloc_trim</c>. The idle daemon
/// then returns to about its start-up size instead of keeping the peak of its last burst.
/// </summary>
public sealed partial class IdleMemoryTrimmer : IDisposable
{
    private readonly long _quietMs;
    private readonly Timer _timer;
    private long _lastRequest;
    private int _dirty;
    private int _trims;

    /// <summary>
    /// Checks every <paramref name="quiet"/> whether requests came and then stopped for at least that long
    /// (<paramref name="automatic"/> false: only when <see cref="Check"/> is called).
    /// </summary>
    public IdleMemoryTrimmer(TimeSpan quiet, bool automatic = true)
    {
        _quietMs = (long)quiet.TotalMilliseconds;
        _timer = automatic ? new Timer(_ => Check(), null, quiet, quiet) : new Timer(_ => { });
    }

    /// <summary>Number of trims done (for tests and diagnostics).</summary>
    public int Trims => Volatile.Read(ref _trims);

    /// <summary>Records API activity.</summary>
    public void OnRequest()
    {
        Volatile.Write(ref _lastRequest, Environment.TickCount64);
        Volatile.Write(ref _dirty, 1);
    }

    /// <summary>Trims now if there was activity and the API has been quiet long enough; returns whether it trimmed.</summary>
    public bool Check()
    {
        if (Volatile.Read(ref _dirty) == 0 || Environment.TickCount64 - Volatile.Read(ref _lastRequest) < _quietMs)
        {
            return false;
        }
        // Timer callbacks can overlap when a GC takes longer than the period: only one of them trims.
        if (Interlocked.Exchange(ref _dirty, 0) == 0)
        {
            return false;
        }
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        try
        {
            malloc_trim(0);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc: nothing to trim.
        }
        Interlocked.Increment(ref _trims);
        return true;
    }

    /// <summary>Stops the checks.</summary>
    public void Dispose() => _timer.Dispose();

    [LibraryImport("libc")]
    private static partial int malloc_trim(nuint pad);
}
