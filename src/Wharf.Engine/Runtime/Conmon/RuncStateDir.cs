using System.Text.Json;

namespace Wharf.Engine.Runtime.Conmon;

/// <summary>
/// Deletes a stopped runc container in-process: what <c>runc delete</c> does for a container whose init has exited
/// (remove its cgroups, then its state directory), without starting a runtime process. Anything unusual (hooks,
/// busy cgroups, unreadable state) makes it decline so the caller runs <c>runc delete</c>.
/// </summary>
internal static class RuncStateDir
{
    /// <summary>True when the container's cgroups and state directory are gone.</summary>
    public static bool TryDeleteStopped(string stateDir)
    {
        var statePath = Path.Combine(stateDir, "state.json");
        List<string> cgroups;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(statePath));
            var root = doc.RootElement;
            // Poststop hooks must run: leave those containers to runc.
            if (root.TryGetProperty("config", out var config) && config.TryGetProperty("hooks", out var hooks) && hooks.ValueKind == JsonValueKind.Object)
                return false;
            if (root.TryGetProperty("intel_rdt_path", out var rdt) && rdt.ValueKind == JsonValueKind.String && rdt.GetString()!.Length > 0)
                return false;
            cgroups = [];
            if (root.TryGetProperty("cgroup_paths", out var paths) && paths.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in paths.EnumerateObject())
                {
                    if (p.Value.GetString() is { Length: > 0 } path && path.StartsWith("/sys/fs/cgroup/", StringComparison.Ordinal))
                        cgroups.Add(path);
                }
            }
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or InvalidOperationException)
        {
            return false;
        }
        foreach (var cgroup in cgroups.Distinct())
        {
            try
            {
                Directory.Delete(cgroup);
            }
            catch (DirectoryNotFoundException)
            {
            }
            catch (IOException)
            {
                // EBUSY: processes are still leaving the cgroup; runc delete retries that.
                return false;
            }
        }
        try
        {
            Directory.Delete(stateDir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        return true;
    }
}
