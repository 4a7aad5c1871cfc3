using System.Globalization;
using Wharf.Daemon.Configuration;

namespace Wharf.Daemon.Hosting;

/// <summary>The daemon's PID file: refuses to start when it names a live wharfd, removed on exit.</summary>
public sealed class PidFile : IDisposable
{
    private readonly string _path;

    private PidFile(string path) => _path = path;

    /// <summary>Writes our PID to <paramref name="path"/>; throws <see cref="DaemonUsageException"/> when another live wharfd owns it.</summary>
    public static PidFile Create(string path)
    {
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path).Trim();
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid != Environment.ProcessId && IsWharfd(pid))
            {
                throw new DaemonUsageException($"pid file found, ensure wharfd is not running or delete {path}");
            }
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return new PidFile(path);
    }

    /// <summary>Whether <paramref name="pid"/> is a running wharfd (checked through /proc so a reused PID of another program does not count).</summary>
    public static bool IsWharfd(int pid)
    {
        try
        {
            var cmdline = File.ReadAllText($"/proc/{pid}/cmdline");
            var argv = cmdline.Split('\0', StringSplitOptions.RemoveEmptyEntries);
            return argv.Take(2).Any(a => Path.GetFileName(a) is "wharfd" or "wharfd.dll");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (File.Exists(_path) && File.ReadAllText(_path).Trim() == Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
            {
                File.Delete(_path);
            }
        }
        catch (IOException)
        {
        }
    }
}
