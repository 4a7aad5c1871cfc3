namespace Wharf.Engine.Containers;

/// <summary>A container lifecycle event (<c>create</c>, <c>start</c>, <c>die</c>, <c>kill</c>, <c>stop</c>, <c>destroy</c>…) for <c>/events</c>.</summary>
/// <param name="Action">Docker's action name.</param>
/// <param name="Id">Container ID.</param>
/// <param name="Attributes">All container labels plus <c>image</c>, <c>name</c> (and <c>exitCode</c> on die, <c>signal</c> on kill).</param>
/// <param name="Time">When it happened.</param>
public sealed record ContainerEvent(string Action, string Id, IReadOnlyDictionary<string, string> Attributes, DateTimeOffset Time);
