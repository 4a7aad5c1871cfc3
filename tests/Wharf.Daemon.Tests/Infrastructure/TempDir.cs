namespace Wharf.Daemon.Tests.Infrastructure;

/// <summary>A temporary directory under /tmp removed on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine("/tmp", "wharfd-test-" + Guid.NewGuid().ToString("N")[..10]);

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
