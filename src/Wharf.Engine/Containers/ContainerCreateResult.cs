namespace Wharf.Engine.Containers;

/// <summary>The answer to a create: the new ID and Docker's warnings.</summary>
/// <param name="Id">64-hex container ID.</param>
/// <param name="Warnings">Warnings to show the user.</param>
public sealed record ContainerCreateResult(string Id, IReadOnlyList<string> Warnings);
