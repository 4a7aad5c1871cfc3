using System.Formats.Tar;
using Wharf.Engine.Containers.Archive;
using Wharf.Engine.Tests.Filesystem;

namespace Wharf.Engine.Tests.Containers.Archive;

public sealed class ResourceArchiverTests : IDisposable
{
    private readonly TempDirectory _temp = new("wharf-resource-archive");

    public void Dispose() => _temp.Dispose();

    private static List<string> Names(string hostPath, string rebase)
    {
        var tar = new MemoryStream();
        ResourceArchiver.Write(hostPath, rebase, tar);
        tar.Position = 0;
        var names = new List<string>();
        using var reader = new TarReader(tar);
        while (reader.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name);
        }
        return names;
    }

    [Fact]
    public void EntriesStartWithTheRequestedNameOrDotForContents()
    {
        var real = _temp.Sub("root/real");
        Directory.CreateDirectory(real + "/sub");
        File.WriteAllText(real + "/sub/f", "x");
        Assert.Equal(["link/", "link/sub/", "link/sub/f"], Names(real, "link"));
        Assert.Equal(["./", "./sub/", "./sub/f"], Names(real + "/.", "."));
        Assert.Equal(["f"], Names(real + "/sub/f", "f"));
    }
}
