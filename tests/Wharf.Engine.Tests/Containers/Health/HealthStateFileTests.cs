using Wharf.Engine.Containers.Health;

namespace Wharf.Engine.Tests.Containers.Health;

public sealed class HealthStateFileTests : IDisposable
{
    private static readonly DateTimeOffset Started = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);

    private readonly string _dir = Directory.CreateTempSubdirectory("wharf-health-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static HealthProbeSettings Settings(int retries) =>
        new(["true"], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.Zero, TimeSpan.FromSeconds(5), retries);

    private static HealthProbeResult Probe(int exitCode, int atSecond) =>
        new(Started.AddSeconds(atSecond), Started.AddSeconds(atSecond).AddMilliseconds(5), exitCode, "out " + atSecond);

    [Fact]
    public void ATrackerContinuesFromItsStoredStateAfterARoundTrip()
    {
        var tracker = new HealthTracker();
        tracker.Record(Probe(0, 1), Started, Settings(3));
        tracker.Record(Probe(1, 2), Started, Settings(3));
        HealthStateFile.Save(_dir, tracker.Snapshot());

        var stored = HealthStateFile.Load(_dir);
        Assert.NotNull(stored);
        Assert.Equal(tracker.Snapshot().Log, stored.Log);
        var restored = new HealthTracker(stored);
        Assert.Equal(HealthStatus.Healthy, restored.Status);
        Assert.Equal(1, restored.Snapshot().FailingStreak);
        // The streak goes on from where it was: two more failures reach retries=3.
        Assert.Null(restored.Record(Probe(1, 3), Started, Settings(3)));
        Assert.Equal(HealthStatus.Unhealthy, restored.Record(Probe(1, 4), Started, Settings(3)));
        Assert.Equal(4, restored.Snapshot().Log.Count);
    }

    [Fact]
    public void NothingStoredOrAGoneDirectoryIsNoHealth()
    {
        Assert.Null(HealthStateFile.Load(_dir));
        var gone = Path.Combine(_dir, "removed");
        HealthStateFile.Save(gone, new HealthTracker().Snapshot());
        Assert.False(Directory.Exists(gone));
        File.WriteAllText(Path.Combine(_dir, HealthStateFile.FileName), "{not json");
        Assert.Null(HealthStateFile.Load(_dir));
    }
}
