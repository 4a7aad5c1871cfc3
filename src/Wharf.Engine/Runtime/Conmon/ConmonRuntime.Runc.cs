using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Wharf.Core.Errors;

namespace Wharf.Engine.Runtime.Conmon;

public sealed partial class ConmonRuntime
{
    private static readonly string[] s_extraSearchDirs = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];
    private readonly ConcurrentDictionary<string, string> _binaries = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task StartAsync(string id, string? runtimePath = null, CancellationToken ct = default)
    {
        var runtime = ResolveRuntime(runtimePath);
        if (Path.GetFileName(runtime) == "runc" && ExecFifo.TryStart(Path.Combine(_options.RuntimeRoot, id)))
            return;
        var (code, _, stderr) = await RunRuntimeAsync(runtime, ["start", id], ct).ConfigureAwait(false);
        if (code != 0)
            throw Failure("start", stderr);
    }

    /// <inheritdoc />
    public async Task KillAsync(string id, int signal, bool all = false, string? runtimePath = null, CancellationToken ct = default)
    {
        var args = new List<string> { "kill" };
        if (all)
            args.Add("--all");
        args.Add(id);
        args.Add(signal.ToString(CultureInfo.InvariantCulture));
        var (code, _, stderr) = await RunRuntimeAsync(ResolveRuntime(runtimePath), args, ct).ConfigureAwait(false);
        if (code != 0)
            throw Failure("kill", stderr);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string id, bool force = false, string? runtimePath = null, CancellationToken ct = default)
    {
        var runtime = ResolveRuntime(runtimePath);
        // Once conmon has recorded the exit, init is reaped: deleting is only removing cgroups and runc's state.
        if (Path.GetFileName(runtime) == "runc" && ReadExit(id) != null && RuncStateDir.TryDeleteStopped(Path.Combine(_options.RuntimeRoot, id)))
            return;
        var args = force ? new List<string> { "delete", "--force", id } : ["delete", id];
        var (code, _, stderr) = await RunRuntimeAsync(runtime, args, ct).ConfigureAwait(false);
        if (code != 0 && !IsUnknownContainer(stderr))
            throw Failure("delete", stderr);
    }

    /// <inheritdoc />
    public async Task<RuntimeState?> StateAsync(string id, string? runtimePath = null, CancellationToken ct = default)
    {
        var (code, stdout, stderr) = await RunRuntimeAsync(ResolveRuntime(runtimePath), ["state", id], ct).ConfigureAwait(false);
        if (code != 0)
        {
            if (IsUnknownContainer(stderr))
                return null;
            throw Failure("state", stderr);
        }
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        return new RuntimeState(
            root.TryGetProperty("status", out var s) ? s.GetString() ?? "unknown" : "unknown",
            root.TryGetProperty("pid", out var p) && p.TryGetInt32(out var pid) ? pid : 0,
            root.TryGetProperty("bundle", out var b) ? b.GetString() ?? "" : "");
    }

    /// <inheritdoc />
    public async Task PauseAsync(string id, string? runtimePath = null, CancellationToken ct = default)
    {
        var (code, _, stderr) = await RunRuntimeAsync(ResolveRuntime(runtimePath), ["pause", id], ct).ConfigureAwait(false);
        if (code != 0)
            throw Failure("pause", stderr);
    }

    /// <inheritdoc />
    public async Task ResumeAsync(string id, string? runtimePath = null, CancellationToken ct = default)
    {
        var (code, _, stderr) = await RunRuntimeAsync(ResolveRuntime(runtimePath), ["resume", id], ct).ConfigureAwait(false);
        if (code != 0)
            throw Failure("resume", stderr);
    }

    /// <summary>Runs <c>runtime --root R args…</c>; returns its exit code and output.</summary>
    private async Task<(int Code, string Stdout, string Stderr)> RunRuntimeAsync(string runtime, IReadOnlyList<string> args, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(runtime)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("--root");
        psi.ArgumentList.Add(_options.RuntimeRoot);
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new RuntimeException(ErrorKind.Internal, $"cannot start {runtime}", runtime);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        return (process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    private static bool IsUnknownContainer(string stderr) =>
        stderr.Contains("does not exist", StringComparison.Ordinal) || stderr.Contains("container not found", StringComparison.Ordinal);

    private static RuntimeException Failure(string verb, string stderr)
    {
        var message = RuncMessage.Extract(stderr);
        var kind = IsUnknownContainer(stderr) ? ErrorKind.NotFound
            : message.Contains("not running", StringComparison.Ordinal) || message.Contains("already finished", StringComparison.Ordinal)
              || message.Contains("has stopped", StringComparison.Ordinal) || message.Contains("not paused", StringComparison.Ordinal)
              || message.Contains("not in created state", StringComparison.Ordinal) ? ErrorKind.Conflict
            : ErrorKind.Internal;
        return new RuntimeException(kind, $"OCI runtime {verb} failed: {message}: unknown", message);
    }

    /// <summary>The runtime binary's absolute path: a given path, or a name looked up in <c>EngineOptions.Runtimes</c> and then PATH.</summary>
    private string ResolveRuntime(string? runtimePath)
    {
        var name = runtimePath ?? _options.DefaultRuntime;
        if (_options.Runtimes.TryGetValue(name, out var mapped))
            name = mapped;
        return ResolveBinary(name);
    }

    private string ResolveBinary(string name) => _binaries.GetOrAdd(name, static n =>
    {
        if (n.Contains('/'))
            return Path.GetFullPath(n);
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(s_extraSearchDirs);
        foreach (var dir in dirs)
        {
            var candidate = Path.Combine(dir, n);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new RuntimeException(ErrorKind.Unavailable, $"exec: \"{n}\": executable file not found in $PATH", $"{n} not found");
    });
}
