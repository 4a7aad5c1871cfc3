using Wharf.Engine.Runtime;
using Wharf.Engine.Runtime.Conmon;

namespace Wharf.Engine.Tests.Runtime;

public sealed class ExitWatcherTests : IDisposable
{
    private readonly string _root = Path.Combine("/tmp", "wharf-exits-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly ExitWatcher _watcher;

    public ExitWatcherTests()
    {
        _watcher = new ExitWatcher(Path.Combine(_root, "exits"), id => Path.Combine(_root, "persist", id));
    }

    public void Dispose()
    {
        _watcher.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private void WriteLikeConmon(string id, string code)
    {
        var tmp = Path.Combine(_root, "exits", id + ".Ab12Cd");
        File.WriteAllText(tmp, code);
        File.Move(tmp, Path.Combine(_root, "exits", id));
    }

    [Fact]
    public async Task RenamedExitFileCompletesWaitersAndRaisesOneEventForTheId()
    {
        var events = new List<string>();
        _watcher.Exited += (_, e) => { lock (events) events.Add(e.Id + "=" + e.Exit.ExitCode); };
        var wait = _watcher.WaitAsync("abc", CancellationToken.None);
        Assert.False(wait.IsCompleted);
        Directory.CreateDirectory(Path.Combine(_root, "persist", "abc"));
        File.WriteAllText(Path.Combine(_root, "persist", "abc", "oom"), "");
        WriteLikeConmon("abc", "137");
        var exit = await wait.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(137, exit.ExitCode);
        Assert.True(exit.OomKilled);
        Assert.True(DateTimeOffset.UtcNow - exit.FinishedAt < TimeSpan.FromMinutes(1));
        await Task.Delay(200);
        lock (events)
            Assert.Equal(["abc=137"], events);
    }

    [Fact]
    public async Task ExistingExitFileCompletesAtOnceAndNegativeCodesParse()
    {
        WriteLikeConmon("t1", "-1");
        var exit = await _watcher.WaitAsync("t1", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(-1, exit.ExitCode);
        Assert.False(exit.OomKilled);
        Assert.Null(_watcher.Read("missing"));
    }

    [Fact]
    public async Task WaitIsCancellable()
    {
        using var cts = new CancellationTokenSource();
        var wait = _watcher.WaitAsync("never", cts.Token);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}
