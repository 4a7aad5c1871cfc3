using System.Runtime.InteropServices;

namespace Wharf.Cli.Terminal;

/// <summary>
/// Reports the terminal size at start and after each SIGWINCH. .NET delivers SIGWINCH through
/// <see cref="PosixSignalRegistration"/> on its own signal-handling thread (NativeAOT included), so no signal handler
/// of ours runs in signal context.
/// </summary>
internal sealed class WindowSizeMonitor : IDisposable
{
    private readonly int _fd;
    private readonly Func<int, int, Task> _resize;
    private readonly PosixSignalRegistration? _registration;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _disposed;

    private WindowSizeMonitor(int fd, Func<int, int, Task> resize)
    {
        _fd = fd;
        _resize = resize;
        if (!OperatingSystem.IsWindows())
        {
            _registration = PosixSignalRegistration.Create(PosixSignal.SIGWINCH, OnSignal);
        }
    }

    /// <summary>Sends the current size of <paramref name="fd"/> now and again on every window change, until disposed.</summary>
    public static async Task<WindowSizeMonitor> StartAsync(int fd, Func<int, int, Task> resize)
    {
        var monitor = new WindowSizeMonitor(fd, resize);
        await monitor.SendAsync(initial: true).ConfigureAwait(false);
        return monitor;
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        _ = SendAsync(initial: false);
    }

    private async Task SendAsync(bool initial)
    {
        if (Volatile.Read(ref _disposed) != 0 || RawTerminal.GetSize(_fd) is not { } size)
        {
            return;
        }
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            // The process may not be ready for the first resize yet (docker retries too).
            for (var attempt = 0; attempt < (initial ? 10 : 1); attempt++)
            {
                try
                {
                    await _resize(size.Height, size.Width).ConfigureAwait(false);
                    return;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    if (!initial)
                    {
                        return;
                    }
                }
                await Task.Delay(10 * (attempt + 1)).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops watching.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _registration?.Dispose();
        }
    }
}
