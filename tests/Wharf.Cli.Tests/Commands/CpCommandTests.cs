using System.Formats.Tar;
using System.Text.Json.Nodes;
using Wharf.Cli.Commands;

namespace Wharf.Cli.Tests.Commands;

public sealed class CpCommandTests
{
    [Theory]
    [InlineData("c:/etc", "c", "/etc")]
    [InlineData("/abs:path", "", "/abs:path")]
    [InlineData("./local:file", "", "./local:file")]
    [InlineData("plain", "", "plain")]
    [InlineData("ctr:", "ctr", "")]
    public void SplitArgumentFollowsDockersRules(string argument, string container, string path) =>
        Assert.Equal((container, path), CpCommand.SplitArgument(argument));

    [Theory]
    [InlineData("/a/b", "/a", "b")]
    [InlineData("/a/b/", "/a", "b")]
    [InlineData("/a/b/.", "/a/b", ".")]
    [InlineData("b", ".", "b")]
    [InlineData("/", "/", "/")]
    public void SplitDirEntry(string path, string directory, string entry) =>
        Assert.Equal((directory, entry), CpArchive.SplitDirEntry(path));

    [Fact]
    public void PreserveKeepsTrailingDotAndSlash()
    {
        Assert.Equal("/x/y/.", CpArchive.Preserve("/x/y", "x/y/."));
        Assert.Equal("/x/y/", CpArchive.Preserve("/x/y", "x/y/"));
        Assert.Equal("/x/y", CpArchive.Preserve("/x/y", "x/y"));
        Assert.True(CpArchive.AssertsDirectory("/x/"));
        Assert.False(CpArchive.AssertsDirectory("/x"));
    }

    [Fact]
    public void RebaseRenamesTheTopEntryAndWhatIsBelowIt()
    {
        var source = new MemoryStream();
        using (var writer = new TarWriter(source, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "data/"));
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "data/a.txt") { DataStream = new MemoryStream("a"u8.ToArray()) });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "database") { DataStream = new MemoryStream("b"u8.ToArray()) });
        }
        source.Position = 0;
        var output = new MemoryStream();
        CpArchive.Rebase(source, output, "data", "copy");
        output.Position = 0;
        var names = new List<string>();
        using var reader = new TarReader(output);
        while (reader.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name);
        }
        Assert.Equal(["copy/", "copy/a.txt", "database"], names);
    }

    [Fact]
    public void ExtractLocalRefusesEntriesOutsideTheDestination()
    {
        var destination = Directory.CreateTempSubdirectory("wharf-cp-test").FullName;
        try
        {
            var tar = new MemoryStream();
            using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "../escaped") { DataStream = new MemoryStream("x"u8.ToArray()) });
            }
            tar.Position = 0;
            Assert.Throws<IOException>(() => CpArchive.ExtractLocal(tar, destination));
            Assert.False(File.Exists(Path.Combine(destination, "..", "escaped")));
        }
        finally
        {
            Directory.Delete(destination, recursive: true);
        }
    }

    [Theory]
    [InlineData("repo", "repo", null)]
    [InlineData("repo:v1", "repo", "v1")]
    [InlineData("localhost:5000/repo", "localhost:5000/repo", null)]
    [InlineData("localhost:5000/repo:v2", "localhost:5000/repo", "v2")]
    public void CommitSplitsRepositoryAndTag(string reference, string repository, string? tag) =>
        Assert.Equal((repository, tag), CommitCommand.SplitReference(reference));

    [Fact]
    public void SystemDfSummaryComputesActiveAndReclaimableLikeDocker()
    {
        var usage = JsonNode.Parse("""
            {"LayersSize": 4000000,
             "Images": [{"Size": 4000000, "SharedSize": 0, "Containers": 1}, {"Size": 1000000, "SharedSize": 0, "Containers": 0}],
             "Containers": [{"State": "running", "SizeRw": 100}, {"State": "exited", "SizeRw": 300}],
             "Volumes": [{"UsageData": {"Size": 2000, "RefCount": 0}}],
             "BuildCache": []}
            """)!.AsObject();
        var rows = SystemDfCommand.Summary(usage);
        Assert.Equal(["Images", "2", "1", "4MB", "0B (0%)"], Values(rows[0]));
        Assert.Equal(["Containers", "2", "1", "400B", "300B (75%)"], Values(rows[1]));
        Assert.Equal(["Local Volumes", "1", "0", "2kB", "2kB (100%)"], Values(rows[2]));
        Assert.Equal(["Build Cache", "0", "0", "0B", "0B"], Values(rows[3]));
    }

    private static string[] Values(IReadOnlyDictionary<string, object?> row) =>
        [.. new[] { "Type", "TotalCount", "Active", "Size", "Reclaimable" }.Select(k => row[k]?.ToString() ?? "")];
}
