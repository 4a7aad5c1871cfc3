using Wharf.Core.Errors;
using Wharf.Core.Oci;

namespace Wharf.Engine.Containers;

/// <summary>Docker's rules for combining a container's config with its image's defaults, and for deriving the process argv.</summary>
public static class ContainerConfigMerger
{
    /// <summary>
    /// Fills what the user left out from the image: user, working dir, stop signal, env (image keys the user did not set are
    /// appended), labels (same), exposed ports and volumes (union). A user entrypoint replaces the image's and drops the image's
    /// cmd; <c>[""]</c> clears the entrypoint; a user cmd replaces the image's. Throws when no command remains.
    /// </summary>
    public static ContainerConfig Merge(ContainerConfig user, ImageRuntimeConfig? image)
    {
        var merged = user;
        if (image is not null)
        {
            var entrypoint = user.Entrypoint;
            var cmd = user.Cmd;
            if (entrypoint is null || entrypoint.Count == 0)
            {
                if (cmd is null || cmd.Count == 0)
                {
                    cmd = image.Cmd;
                }
                entrypoint ??= image.Entrypoint;
            }
            merged = user with
            {
                User = user.User.Length == 0 ? image.User ?? "" : user.User,
                WorkingDir = user.WorkingDir.Length == 0 ? image.WorkingDir ?? "" : user.WorkingDir,
                StopSignal = user.StopSignal.Length == 0 ? image.StopSignal ?? "" : user.StopSignal,
                Env = MergeEnv(user.Env, image.Env),
                Labels = MergeLabels(user.Labels, image.Labels),
                ExposedPorts = Union(user.ExposedPorts, image.ExposedPorts?.Keys),
                Volumes = Union(user.Volumes, image.Volumes?.Keys),
                Entrypoint = entrypoint?.ToList(),
                Cmd = cmd?.ToList(),
            };
        }
        if (merged.Entrypoint is [""])
        {
            merged = merged with { Entrypoint = null };
        }
        if ((merged.Entrypoint is null || merged.Entrypoint.Count == 0) && (merged.Cmd is null || merged.Cmd.Count == 0))
        {
            throw new InvalidArgumentException("No command specified");
        }
        return merged with { Labels = merged.Labels ?? new Dictionary<string, string>() };
    }

    /// <summary>The executable and its arguments: entrypoint followed by cmd.</summary>
    public static (string Path, IReadOnlyList<string> Args) EntrypointAndArgs(ContainerConfig config)
    {
        var argv = (config.Entrypoint ?? []).Concat(config.Cmd ?? []).ToList();
        if (argv.Count == 0)
        {
            throw new InvalidArgumentException("No command specified");
        }
        return (argv[0], argv.Skip(1).ToList());
    }

    /// <summary>The user's variables first, then the image's whose key the user did not set.</summary>
    public static IReadOnlyList<string>? MergeEnv(IReadOnlyList<string>? user, IReadOnlyList<string>? image)
    {
        if (user is null || user.Count == 0)
        {
            return image?.ToList();
        }
        var keys = user.Select(EnvKey).ToHashSet(StringComparer.Ordinal);
        return user.Concat((image ?? []).Where(e => !keys.Contains(EnvKey(e)))).ToList();
    }

    private static string EnvKey(string entry)
    {
        var equals = entry.IndexOf('=');
        return equals < 0 ? entry : entry[..equals];
    }

    private static Dictionary<string, string> MergeLabels(IReadOnlyDictionary<string, string>? user, IReadOnlyDictionary<string, string>? image)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in image ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }
        foreach (var (key, value) in user ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }
        return labels;
    }

    private static List<string>? Union(IReadOnlyList<string>? user, IEnumerable<string>? image)
    {
        if (user is null && image is null)
        {
            return null;
        }
        return (user ?? []).Concat(image ?? []).Distinct(StringComparer.Ordinal).ToList();
    }
}
