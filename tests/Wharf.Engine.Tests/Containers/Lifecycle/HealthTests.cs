using Wharf.Core.Errors;
using Wharf.Core.Oci;
using Wharf.Engine.Containers.Health;

namespace Wharf.Engine.Tests.Containers.Lifecycle;

public sealed class HealthTests
{
    private static readonly DateTimeOffset Started = new(2026, 11, 23, 22, 0, 0, TimeSpan.Zero);

    private static HealthProbeSettings Settings(int retries = 3, int startPeriodSeconds = 0) =>
        new(["true"], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(startPeriodSeconds), TimeSpan.FromSeconds(5), retries);

    private static HealthProbeResult Probe(int exitCode, int atSecond) =>
        new(Started.AddSeconds(atSecond), Started.AddSeconds(atSecond), exitCode, "out");

    [Fact]
    public void StartsStartingAndASuccessMakesItHealthy()
    {
        var tracker = new HealthTracker();
        Assert.Equal(HealthStatus.Starting, tracker.Status);
        Assert.Equal(HealthStatus.Healthy, tracker.Record(Probe(0, 1), Started, Settings()));
        Assert.Null(tracker.Record(Probe(0, 2), Started, Settings()));
    }

    [Fact]
    public void RetriesConsecutiveFailuresMakeItUnhealthyAndASuccessResets()
    {
        var tracker = new HealthTracker();
        Assert.Null(tracker.Record(Probe(1, 1), Started, Settings(retries: 2)));
        Assert.Equal(1, tracker.Snapshot().FailingStreak);
        Assert.Equal(HealthStatus.Unhealthy, tracker.Record(Probe(1, 2), Started, Settings(retries: 2)));
        Assert.Equal(HealthStatus.Healthy, tracker.Record(Probe(0, 3), Started, Settings(retries: 2)));
        Assert.Equal(0, tracker.Snapshot().FailingStreak);
    }

    [Fact]
    public void FailuresInTheStartPeriodDoNotCountWhileStarting()
    {
        var tracker = new HealthTracker();
        var settings = Settings(retries: 1, startPeriodSeconds: 10);
        Assert.Null(tracker.Record(Probe(1, 5), Started, settings));
        Assert.Equal(0, tracker.Snapshot().FailingStreak);
        Assert.Equal(HealthStatus.Unhealthy, tracker.Record(Probe(1, 11), Started, settings));
    }

    [Fact]
    public void KeepsTheLastFiveProbes()
    {
        var tracker = new HealthTracker();
        for (var i = 0; i < 7; i++)
        {
            tracker.Record(Probe(i % 2, i), Started, Settings(retries: 100));
        }
        var log = tracker.Snapshot().Log;
        Assert.Equal(5, log.Count);
        Assert.Equal(Started.AddSeconds(2), log[0].Start);
    }

    [Fact]
    public void StoppingReportsUnhealthyAndRestartStartsOver()
    {
        var tracker = new HealthTracker();
        tracker.Record(Probe(0, 1), Started, Settings());
        tracker.MarkStopped();
        Assert.Equal(HealthStatus.Unhealthy, tracker.Status);
        tracker.Reset();
        Assert.Equal(HealthStatus.Starting, tracker.Status);
        Assert.Single(tracker.Snapshot().Log);
    }

    [Fact]
    public void ProbeOutputIsCutAt4096BytesWithAnEllipsis()
    {
        var output = new ProbeOutput();
        output.Append(new byte[4000].Select(_ => (byte)'a').ToArray());
        output.Append(new byte[200].Select(_ => (byte)'b').ToArray());
        var text = output.ToString();
        Assert.Equal(4096 + 3, text.Length);
        Assert.EndsWith("bbb...", text);
    }

    [Fact]
    public void SettingsApplyDockersDefaultsAndCommandKinds()
    {
        var shell = HealthProbeSettings.From(new HealthcheckConfig { Test = ["CMD-SHELL", "test -f /tmp/ok"] })!;
        Assert.Equal(["/bin/sh", "-c", "test -f /tmp/ok"], shell.Command);
        Assert.Equal(TimeSpan.FromSeconds(30), shell.Interval);
        Assert.Equal(TimeSpan.FromSeconds(30), shell.Timeout);
        Assert.Equal(3, shell.Retries);
        var exec = HealthProbeSettings.From(new HealthcheckConfig { Test = ["CMD", "cat", "/x"], Interval = 1_000_000_000, Retries = 5 })!;
        Assert.Equal(["cat", "/x"], exec.Command);
        Assert.Equal(TimeSpan.FromSeconds(1), exec.Interval);
        Assert.Equal(5, exec.Retries);
        Assert.Null(HealthProbeSettings.From(new HealthcheckConfig { Test = ["NONE"] }));
        Assert.Null(HealthProbeSettings.From(new HealthcheckConfig()));
        Assert.Null(HealthProbeSettings.From(null));
    }

    [Fact]
    public void StartIntervalAppliesOnlyWhileStartingInTheStartPeriod()
    {
        var settings = Settings(startPeriodSeconds: 10);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.NextInterval(Started, Started.AddSeconds(1), HealthStatus.Starting));
        Assert.Equal(TimeSpan.FromSeconds(1), settings.NextInterval(Started, Started.AddSeconds(1), HealthStatus.Healthy));
        Assert.Equal(TimeSpan.FromSeconds(1), settings.NextInterval(Started, Started.AddSeconds(11), HealthStatus.Starting));
    }

    [Fact]
    public void MergeFillsUserGapsFromTheImage()
    {
        var image = new HealthcheckConfig { Test = ["CMD", "probe"], Interval = 5, Timeout = 6, Retries = 7 };
        Assert.Equal(["CMD", "probe"], HealthcheckMerger.Merge(null, image)!.Test!);
        var merged = HealthcheckMerger.Merge(new HealthcheckConfig { Interval = 1_000_000 }, image)!;
        Assert.Equal(["CMD", "probe"], merged.Test!);
        Assert.Equal(1_000_000, merged.Interval);
        Assert.Equal(6, merged.Timeout);
        Assert.Equal(7, merged.Retries);
        Assert.Equal(["NONE"], HealthcheckMerger.Merge(new HealthcheckConfig { Test = ["NONE"] }, image)!.Test!);
        Assert.Null(HealthcheckMerger.Merge(null, null));
    }

    [Theory]
    [InlineData(500_000L, 0, "Interval in Healthcheck cannot be less than 1ms")]
    [InlineData(0L, -1, "Retries in Healthcheck cannot be negative")]
    public void ValidationUsesDockersMessages(long interval, int retries, string message)
    {
        var e = Assert.Throws<InvalidArgumentException>(() => HealthcheckMerger.Validate(new HealthcheckConfig { Interval = interval, Retries = retries }));
        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData(1_000, "1s")]
    [InlineData(500, "500ms")]
    [InlineData(1_500, "1.5s")]
    [InlineData(90_000, "1m30s")]
    [InlineData(3_600_000, "1h0m0s")]
    [InlineData(0, "0s")]
    public void DurationsPrintLikeGo(int milliseconds, string text) =>
        Assert.Equal(text, GoDurationText.Format(TimeSpan.FromMilliseconds(milliseconds)));
}
