using System.Collections.Concurrent;
using System.Globalization;
using Wharf.Core.Errors;
using Wharf.Core.Ids;
using Wharf.Engine.Containers.Health;
using Wharf.Engine.Runtime;
using Wharf.Engine.Runtime.Native;
using Wharf.Engine.Runtime.Spec;

namespace Wharf.Engine.Containers;

/// <summary>
/// Health checks: while a container with a health check runs, a monitor probes it at its interval with an exec of the
/// probe command (with Docker's <c>exec_create/exec_start/exec_die</c> events), kills a probe that exceeds its timeout,
/// and feeds the results to the container's <see cref="HealthTracker"/>; a status change emits <c>health_status: …</c>.
/// Health is kept with the container (<see cref="HealthStateFile"/>): every start begins as <c>starting</c> with the old log,
/// a daemon restart resumes probing running containers from the stored state, and a paused container is not probed (its
/// monitor stops and, as Docker's, reports unhealthy until a probe after the unpause says otherwise).
/// </summary>
public sealed partial class ContainerService
{
    private static readonly TimeSpan s_probeKillGrace = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, HealthTracker> _health = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _healthMonitors = new(StringComparer.Ordinal);

    /// <summary>The container's health (inspect <c>State.Health</c>); null when it has no health check or never ran with one.</summary>
    public HealthSnapshot? GetHealth(string id) => _store.Get(id) is { } container ? TrackerOf(container)?.Snapshot() : null;

    /// <summary>The record with its current health filled in (health is not stored in the database).</summary>
    private ContainerRecord WithHealth(ContainerRecord container) =>
        TrackerOf(container) is { } tracker ? container with { State = container.State with { Health = tracker.Snapshot() } } : container;

    /// <summary>The container's tracker: in memory, else the stored one (after a daemon restart); null when it never had health.</summary>
    private HealthTracker? TrackerOf(ContainerRecord container)
    {
        if (_health.TryGetValue(container.Id, out var tracker))
        {
            return tracker;
        }
        if (container.Config.Healthcheck is null || HealthStateFile.Load(ContainerDirectory(container.Id)) is not { } stored)
        {
            return null;
        }
        return _health.GetOrAdd(container.Id, _ => new HealthTracker(stored));
    }

    private void SaveHealth(string id, HealthTracker tracker) => HealthStateFile.Save(ContainerDirectory(id), tracker.Snapshot());

    /// <summary>Merges the image's health check into the config and validates it (400 with Docker's texts), with the restart policy.</summary>
    private static ContainerConfig ApplyLifecycleConfig(ContainerConfig config, Core.Oci.HealthcheckConfig? imageHealthcheck, ContainerHostConfig hostConfig)
    {
        ValidateRestartPolicy(hostConfig);
        HealthcheckMerger.Validate(config.Healthcheck);
        return config with { Healthcheck = HealthcheckMerger.Merge(config.Healthcheck, imageHealthcheck) };
    }

    /// <summary>
    /// Begins probing a container that just started (health back to <c>starting</c>), or, with <paramref name="resume"/>, one
    /// that kept running (daemon start, unpause: the stored health stays); no-op without a health check.
    /// </summary>
    private void StartHealthMonitor(ContainerRecord container, bool resume = false)
    {
        var settings = HealthProbeSettings.From(container.Config.Healthcheck);
        if (settings is null)
        {
            return;
        }
        CancellationTokenSource monitor;
        try
        {
            monitor = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
        }
        catch (ObjectDisposedException)
        {
            return;
        }
        StopHealthMonitor(container.Id);
        var tracker = TrackerOf(container) ?? _health.GetOrAdd(container.Id, _ => new HealthTracker());
        if (!resume)
        {
            tracker.Reset();
            SaveHealth(container.Id, tracker);
        }
        _healthMonitors[container.Id] = monitor;
        var startedAt = container.State.StartedAt ?? DateTimeOffset.UtcNow;
        _ = Task.Run(() => MonitorHealthAsync(container.Id, settings, tracker, startedAt, monitor), CancellationToken.None);
    }

    /// <summary>Stops probing (the container stopped or is removed); a tracked container then reports unhealthy, as Docker.</summary>
    private void StopHealthMonitor(string id)
    {
        if (_healthMonitors.TryRemove(id, out var monitor))
        {
            try
            {
                monitor.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
            if (_health.TryGetValue(id, out var tracker))
            {
                tracker.MarkStopped();
                SaveHealth(id, tracker);
            }
        }
    }

    private void ForgetHealth(string id) => _health.TryRemove(id, out _);

    /// <summary>Starts the health monitor after a successful start (hook of StartAsync).</summary>
    private void OnStarted(ContainerRecord container) => StartHealthMonitor(container);

    /// <summary>A frozen container is not probed (Docker's <c>updateHealthMonitor</c> on pause).</summary>
    private void OnPaused(string id) => StopHealthMonitor(id);

    /// <summary>Probing resumes after a thaw, from the health it had.</summary>
    private void OnUnpaused(ContainerRecord container) => StartHealthMonitor(container, resume: true);

    private async Task MonitorHealthAsync(string id, HealthProbeSettings settings, HealthTracker tracker, DateTimeOffset startedAt, CancellationTokenSource monitor)
    {
        var ct = monitor.Token;
        try
        {
            while (true)
            {
                await Task.Delay(settings.NextInterval(startedAt, DateTimeOffset.UtcNow, tracker.Status), ct).ConfigureAwait(false);
                var container = _store.Get(id);
                if (container is null || !container.State.Running || container.State.Restarting)
                {
                    return;
                }
                if (container.State.Paused)
                {
                    // A frozen container cannot run a probe; Docker's would fail, we wait for the thaw instead.
                    continue;
                }
                var result = await ProbeAsync(container, settings, ct).ConfigureAwait(false);
                ct.ThrowIfCancellationRequested();
                var changed = tracker.Record(result, startedAt, settings);
                SaveHealth(id, tracker);
                if (changed is not null)
                {
                    Emit("health_status: " + changed, container);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            monitor.Dispose();
        }
    }

    /// <summary>Runs one probe as an exec in the container; a probe that cannot run or exceeds the timeout is a failure with exit code -1.</summary>
    private async Task<HealthProbeResult> ProbeAsync(ContainerRecord container, HealthProbeSettings settings, CancellationToken ct)
    {
        var start = DateTimeOffset.UtcNow;
        var execId = StringIds.NewId();
        var commandText = string.Join(' ', settings.Command);
        var sessionDir = Path.Combine(_options.ExecRoot, "exec", execId);
        ExecSession session;
        try
        {
            var spec = OciSpecBuilder.ReadConfig(ContainerDirectory(container.Id));
            var process = OciSpecBuilder.ExecProcess(spec.Process ?? new OciProcess(), settings.Command);
            Emit("exec_create: " + commandText, container, ("execID", execId));
            session = await _runtime.ExecAsync(new RuntimeExecRequest
            {
                ContainerId = container.Id,
                ExecId = execId,
                SessionDir = sessionDir,
                Process = process,
                Attach = true,
                RuntimePath = RuntimePath(container.HostConfig),
            }, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WharfException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException)
        {
            TryDeleteDirectory(sessionDir);
            return new HealthProbeResult(start, DateTimeOffset.UtcNow, -1, e.Message);
        }
        Emit("exec_start: " + commandText, container, ("execID", execId));

        var output = new ProbeOutput();
        int exitCode;
        var timedOut = false;
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            deadline.CancelAfter(settings.Timeout);
            try
            {
                if (session.Attach is { } attach)
                {
                    while (await attach.ReceiveAsync(deadline.Token).ConfigureAwait(false) is { } packet)
                    {
                        output.Append(packet.Data.Span);
                    }
                }
                exitCode = await session.Exited.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                timedOut = !ct.IsCancellationRequested;
                // The probe overran (or the container is stopping): end it so dying probes do not pile up.
                _ = LibC.kill(session.Pid, ContainerSignals.Kill);
                try
                {
                    exitCode = await session.Exited.WaitAsync(s_probeKillGrace, CancellationToken.None).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    exitCode = -1;
                }
            }
            finally
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }
        }
        TryDeleteDirectory(sessionDir);
        Emit("exec_die", container, ("execID", execId), ("exitCode", exitCode.ToString(CultureInfo.InvariantCulture)));
        ct.ThrowIfCancellationRequested();
        if (timedOut)
        {
            var text = output.ToString();
            var limit = GoDurationText.Format(settings.Timeout);
            return new HealthProbeResult(start, DateTimeOffset.UtcNow, -1,
                text.Length > 0 ? $"Health check exceeded timeout ({limit}): {text}" : $"Health check exceeded timeout ({limit})");
        }
        return new HealthProbeResult(start, DateTimeOffset.UtcNow, exitCode, output.ToString());
    }
}
