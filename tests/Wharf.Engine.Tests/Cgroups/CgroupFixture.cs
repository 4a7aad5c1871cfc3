namespace Wharf.Engine.Tests.Cgroups;

/// <summary>A fake cgroup tree in a temp directory: files written from text, removed on dispose.</summary>
internal sealed class CgroupFixture : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "wharf-cgroup-fixture-" + Guid.NewGuid().ToString("N"));

    public string Write(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
            Directory.Delete(Root, recursive: true);
    }
}
