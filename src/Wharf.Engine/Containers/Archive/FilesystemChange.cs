namespace Wharf.Engine.Containers.Archive;

/// <summary>One change of a container's filesystem against its image.</summary>
/// <param name="Path">Absolute container path.</param>
/// <param name="Kind">Added, modified or deleted.</param>
/// <param name="Opaque">A directory whose lower contents are hidden (overlay opaque directory): re-created as a new directory.</param>
public sealed record FilesystemChange(string Path, ChangeKind Kind, bool Opaque = false)
{
    /// <summary>Docker's letter: <c>A</c>, <c>C</c> or <c>D</c>.</summary>
    public char Letter => Kind switch { ChangeKind.Added => 'A', ChangeKind.Deleted => 'D', _ => 'C' };
}
