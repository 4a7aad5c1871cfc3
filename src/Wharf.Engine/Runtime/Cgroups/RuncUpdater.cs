using System.Text.Json;
using Wharf.Core.Errors;
using Wharf.Engine.Runtime.Native;
using Wharf.Engine.Runtime.Spec;

namespace Wharf.Engine.Runtime.Cgroups;

/// <summary>Applies new limits to a running container with <c>runc update --resources -</c> (the OCI <c>linux.resources</c> JSON on stdin).</summary>
public static class RuncUpdater
{
    private static readonly string[] s_searchDirs = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    /// <summary>Runs the update; throws with runc's message (<c>Cannot update container &lt;id&gt;: …</c>) when it fails.</summary>
    public static async Task UpdateAsync(string runtime, string root, string id, OciResources resources, CancellationToken ct = default)
    {
        var resourcesJson = JsonSerializer.Serialize(resources, OciSpecJsonContext.Default.OciResources);
        var result = await HostProgram.RunAsync(ResolveBinary(runtime), ["--root", root, "update", "--resources", "-", id], resourcesJson, ct).ConfigureAwait(false);
        if (result.ExitCode != 0)
            throw new WharfException(ErrorKind.Internal, $"Cannot update container {id}: {Conmon.RuncMessage.Extract(result.Stderr.Trim())}");
    }

    /// <summary>An absolute path, or the name looked up in PATH and the usual sbin directories.</summary>
    public static string ResolveBinary(string name)
    {
        if (name.Contains('/'))
            return Path.GetFullPath(name);
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(s_searchDirs);
        foreach (var dir in dirs)
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new WharfException(ErrorKind.Unavailable, $"exec: \"{name}\": executable file not found in $PATH");
    }
}
