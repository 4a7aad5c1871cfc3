using System.Text;
using Wharf.Engine.Runtime;
using Wharf.Engine.Runtime.Conmon;

namespace Wharf.Engine.Tests.Runtime;

public sealed class LogReaderTests : IDisposable
{
    private readonly string _dir = Path.Combine("/tmp", "wharf-logs-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string _log;

    public LogReaderTests()
    {
        Directory.CreateDirectory(_dir);
        _log = Path.Combine(_dir, "ctr.log");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<List<LogEntry>> ReadAll(string path, LogReadOptions options, Task? exited = null)
    {
        var list = new List<LogEntry>();
        await foreach (var e in LogReader.ReadAsync(path, options, exited).WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token))
            list.Add(e);
        return list;
    }

    private static string Text(IEnumerable<LogEntry> entries) => string.Concat(entries.Select(e => Encoding.UTF8.GetString(e.Bytes)));

    private const string Sample =
        "2026-11-23T19:22:36.190544343+01:00 stdout F hello\n" +
        "2026-11-23T19:22:36.200000000+01:00 stderr F err line\n" +
        "2026-11-23T19:22:37.000000001+01:00 stdout P abc\n" +
        "2026-11-23T19:22:37.100000000+01:00 stdout P def\n" +
        "2026-11-23T19:22:37.200000000+01:00 stderr F \n" +
        "2026-11-23T19:22:37.300000000+01:00 stdout F ghi\n" +
        "2026-11-23T19:22:38.000000000+01:00 stdout F last\n";

    [Fact]
    public async Task ReassemblesPartialsAndConvertsTimestampsToUtc()
    {
        File.WriteAllText(_log, Sample);
        var entries = await ReadAll(_log, new LogReadOptions());
        Assert.Equal(["hello\n", "err line\n", "\n", "abcdefghi\n", "last\n"], entries.Select(e => Encoding.UTF8.GetString(e.Bytes)));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 18, 22, 36, TimeSpan.Zero).AddTicks(1905443), entries[0].Timestamp);
        Assert.Equal(TimeSpan.Zero, entries[0].Timestamp.Offset);
        // A reassembled line carries the time of its first chunk.
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 18, 22, 37, TimeSpan.Zero), entries[3].Timestamp.AddTicks(-entries[3].Timestamp.Ticks % TimeSpan.TicksPerSecond));
        Assert.Equal(StdStream.Stderr, entries[1].Stream);
    }

    [Fact]
    public async Task FiltersStreamsTailSinceUntil()
    {
        File.WriteAllText(_log, Sample);
        Assert.Equal("hello\nabcdefghi\nlast\n", Text(await ReadAll(_log, new LogReadOptions { Stderr = false })));
        Assert.Equal("err line\n\n", Text(await ReadAll(_log, new LogReadOptions { Stdout = false })));
        Assert.Equal("abcdefghi\nlast\n", Text(await ReadAll(_log, new LogReadOptions { Tail = 2 })));
        Assert.Empty(await ReadAll(_log, new LogReadOptions { Tail = 0 }));
        var since = new DateTimeOffset(2026, 11, 23, 18, 22, 37, TimeSpan.Zero);
        Assert.Equal("\nabcdefghi\nlast\n", Text(await ReadAll(_log, new LogReadOptions { Since = since })));
        Assert.Equal("hello\nerr line\n", Text(await ReadAll(_log, new LogReadOptions { Until = since })));
    }

    [Fact]
    public async Task FinalPartialLineIsEmittedWithoutNewline()
    {
        File.WriteAllText(_log, "2026-11-23T19:22:36.000000000+00:00 stdout P no-newline\n");
        Assert.Equal("no-newline", Text(await ReadAll(_log, new LogReadOptions())));
    }

    [Fact]
    public async Task MissingFileYieldsNothing()
    {
        Assert.Empty(await ReadAll(Path.Combine(_dir, "nope.log"), new LogReadOptions()));
    }

    [Fact]
    public async Task MalformedLinesAreSkipped()
    {
        File.WriteAllText(_log, "garbage\n2026-11-23T19:22:36Z stdout F ok\nxx stdout F no\n2026-11-23T19:22:36Z weird F no\n");
        Assert.Equal("ok\n", Text(await ReadAll(_log, new LogReadOptions())));
    }

    [Fact]
    public async Task FollowSeesAppendsAndReopenAndStopsAfterExit()
    {
        File.WriteAllText(_log, "2026-11-23T19:22:36.000000000+00:00 stdout F one\n");
        var exited = new TaskCompletionSource();
        var seen = new List<string>();
        var gotOne = new TaskCompletionSource();
        var gotTwo = new TaskCompletionSource();
        var reader = Task.Run(async () =>
        {
            await foreach (var e in LogReader.ReadAsync(_log, new LogReadOptions { Follow = true }, exited.Task))
            {
                lock (seen)
                    seen.Add(Encoding.UTF8.GetString(e.Bytes));
                if (seen.Count == 1)
                    gotOne.TrySetResult();
                if (seen.Count == 2)
                    gotTwo.TrySetResult();
            }
        });
        await gotOne.Task.WaitAsync(TimeSpan.FromSeconds(10));
        File.AppendAllText(_log, "2026-11-23T19:22:37.000000000+00:00 stdout F two\n");
        await gotTwo.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // Rotation as conmon does it: the old file moves away, a new one is renamed over the path.
        File.Move(_log, _log + ".1");
        File.WriteAllText(_log + ".tmp", "2026-11-23T19:22:38.000000000+00:00 stdout F three\n");
        File.Move(_log + ".tmp", _log);
        File.AppendAllText(_log, "2026-11-23T19:22:39.000000000+00:00 stdout P four\n");
        exited.SetResult();
        await reader.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["one\n", "two\n", "three\n", "four"], seen);
    }

    [Fact]
    public async Task FollowWithExitedContainerReturnsHistoryOnly()
    {
        File.WriteAllText(_log, Sample);
        var entries = await ReadAll(_log, new LogReadOptions { Follow = true }, Task.CompletedTask);
        Assert.Equal(5, entries.Count);
    }
}
