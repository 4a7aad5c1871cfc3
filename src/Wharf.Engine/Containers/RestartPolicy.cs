namespace Wharf.Engine.Containers;

/// <summary>Docker's restart policy (stored; applied by a later issue).</summary>
/// <param name="Name"><c>""</c>, <c>no</c>, <c>always</c>, <c>on-failure</c> or <c>unless-stopped</c>.</param>
/// <param name="MaximumRetryCount">Retries for <c>on-failure</c>.</param>
public sealed record RestartPolicy(string Name = "no", int MaximumRetryCount = 0);
