using Wharf.Cli.Formatting;

namespace Wharf.Cli.Tests.Formatting;

public sealed class TabWriterTests
{
    [Fact]
    public void EmptyPsHeaderMatchesDocker()
    {
        var writer = new TabWriter();
        writer.Write("CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n");
        Assert.Equal("CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n", writer.Flush());
    }

    [Fact]
    public void ColumnsWidenToLongestCellPlusPadding()
    {
        var writer = new TabWriter();
        writer.Write("REPOSITORY\tTAG\tIMAGE ID\n");
        writer.Write("busybox\tlatest\t0123456789ab\n");
        writer.Write("localhost:5000/some/long/name\t1.0\tba9876543210\n");
        var expected =
            "REPOSITORY                      TAG       IMAGE ID\n" +
            "busybox                         latest    0123456789ab\n" +
            "localhost:5000/some/long/name   1.0       ba9876543210\n";
        Assert.Equal(expected, writer.Flush());
    }

    [Fact]
    public void LastCellIsNotPadded()
    {
        var writer = new TabWriter();
        writer.Write("a\tb\n");
        Assert.Equal("a         b\n", writer.Flush());
    }

    [Fact]
    public void LinesWithoutTabsBreakColumnBlocks()
    {
        var writer = new TabWriter(minWidth: 0, padding: 1);
        writer.Write("aaaa\tx\nno tabs here\nb\ty\n");
        Assert.Equal("aaaa x\nno tabs here\nb y\n", writer.Flush());
    }

    [Fact]
    public void WidthCountsRunesNotBytes()
    {
        var writer = new TabWriter(minWidth: 0, padding: 1);
        writer.Write("héé\tx\nab\ty\n");
        Assert.Equal("héé x\nab  y\n", writer.Flush());
    }

    [Fact]
    public void ShorterLinesEndTheirOwnColumns()
    {
        var writer = new TabWriter(minWidth: 0, padding: 1);
        writer.Write("a\tbb\tc\naaa\td\n");
        Assert.Equal("a   bb c\naaa d\n", writer.Flush());
    }
}
