using Wharf.Core.Errors;

namespace Wharf.Engine.Containers.Restart;

/// <summary>Docker's restart policy names and the daemon-side validation of a policy (moby <c>validateRestartPolicy</c>), with its exact messages.</summary>
public static class RestartPolicies
{
    /// <summary>Never restart.</summary>
    public const string No = "no";

    /// <summary>Always restart (until stopped by the user; back again when the daemon starts).</summary>
    public const string Always = "always";

    /// <summary>Like always, but a container stopped by the user stays stopped, also across daemon restarts.</summary>
    public const string UnlessStopped = "unless-stopped";

    /// <summary>Restart when the exit code is not 0, at most MaximumRetryCount times (0 = no limit).</summary>
    public const string OnFailure = "on-failure";

    /// <summary>True for the policies that never restart (<c>""</c> and <c>no</c>).</summary>
    public static bool IsNone(RestartPolicy policy) => policy.Name is "" or No;

    /// <summary>Throws <see cref="InvalidArgumentException"/> (400) with Docker's text for an unknown name or a misplaced retry count.</summary>
    public static void Validate(RestartPolicy policy)
    {
        switch (policy.Name)
        {
            case Always or UnlessStopped or No:
                if (policy.MaximumRetryCount != 0)
                {
                    var message = "invalid restart policy: maximum retry count can only be used with 'on-failure'";
                    throw new InvalidArgumentException(policy.MaximumRetryCount < 0 ? message + " and cannot be negative" : message);
                }
                return;
            case OnFailure:
                if (policy.MaximumRetryCount < 0)
                {
                    throw new InvalidArgumentException("invalid restart policy: maximum retry count cannot be negative");
                }
                return;
            case "":
                // Clients before Docker 25 send an empty name for "no", with any retry count.
                return;
            default:
                throw new InvalidArgumentException(
                    $"invalid restart policy: unknown policy '{policy.Name}'; use one of '{No}', '{Always}', '{OnFailure}', or '{UnlessStopped}'");
        }
    }

    /// <summary>Docker refuses <c>--rm</c> together with a restart policy (daemon side).</summary>
    public static void ValidateWithAutoRemove(RestartPolicy policy, bool autoRemove)
    {
        Validate(policy);
        if (autoRemove && !IsNone(policy))
        {
            throw new InvalidArgumentException("can't create 'AutoRemove' container with restart policy");
        }
    }
}
