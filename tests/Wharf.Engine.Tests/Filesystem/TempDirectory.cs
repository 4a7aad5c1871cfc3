namespace Wharf.Engine.Tests.Filesystem;

/// <summary>A temp directory removed (with any mounts under it detached) when disposed.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "wharf-storage-test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Sub(string relative)
    {
        var path = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        try
        {
            foreach (var line in File.ReadAllLines("/proc/self/mountinfo").Reverse())
            {
                var mountPoint = line.Split(' ')[4];
                if (mountPoint.StartsWith(Path + "/", StringComparison.Ordinal))
                {
                    Wharf.Engine.Filesystem.Syscalls.Unmount(mountPoint, Wharf.Engine.Filesystem.Syscalls.UnmountDetach);
                }
            }
        }
        catch (IOException)
        {
        }
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
