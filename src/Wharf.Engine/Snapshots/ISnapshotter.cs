namespace Wharf.Engine.Snapshots;

/// <summary>
/// Snapshots are filesystem trees keyed as containerd does. A <em>committed</em> snapshot has a name
/// (for image layers: the layer's chain ID) and is immutable and shared by every image that has it.
/// An <em>active</em> snapshot has a key (a container ID, or a temporary key while a layer unpacks);
/// it is writable and sits on top of a committed parent. Unpacking a layer = Prepare(tmpKey, parentChain)
/// → apply the tar into the active snapshot's upper directory → Commit(chainId, tmpKey).
/// </summary>
public interface ISnapshotter
{
    /// <summary>Driver name as shown by <c>info</c>: <c>overlay2</c> or <c>vfs</c>.</summary>
    string Name { get; }

    /// <summary>Whether a committed snapshot with this name exists.</summary>
    bool Exists(string name);

    /// <summary>Creates an active snapshot <paramref name="key"/> over committed <paramref name="parent"/> (null = empty) and returns how to mount it.</summary>
    IReadOnlyList<Mount> Prepare(string key, string? parent);

    /// <summary>The mounts of an existing active snapshot.</summary>
    IReadOnlyList<Mount> Mounts(string key);

    /// <summary>The directory the changes of active snapshot <paramref name="key"/> go to (overlay: upper dir; vfs: the full copy).</summary>
    string UpperDirectory(string key);

    /// <summary>Turns active snapshot <paramref name="key"/> into committed <paramref name="name"/>; atomic: either the name exists afterwards or nothing changed.</summary>
    void Commit(string name, string key);

    /// <summary>Removes an active or committed snapshot; a committed one that has children is refused.</summary>
    void Remove(string keyOrName);

    /// <summary>Names/keys of all snapshots on disk (for garbage collection and crash clean-up).</summary>
    IReadOnlyList<string> List();

    /// <summary>How a layer tar's whiteouts must be written into <see cref="UpperDirectory"/>.</summary>
    Layers.WhiteoutMode WhiteoutMode { get; }

    /// <summary>What is recorded about an active or committed snapshot, or null when it does not exist.</summary>
    SnapshotInfo? Stat(string keyOrName);

    /// <summary>Creates a read-only active snapshot <paramref name="key"/> of committed <paramref name="parent"/> (for export or inspection) and returns its mounts.</summary>
    IReadOnlyList<Mount> View(string key, string? parent);

    /// <summary>Bytes used by the snapshot's own files (an active snapshot's changes; a committed layer's content).</summary>
    long Usage(string keyOrName);

    /// <summary>Removes snapshot directories that have no metadata row (left by a crash); returns how many.</summary>
    int Cleanup();

    /// <summary>The committed parents' trees under active snapshot <paramref name="key"/>, nearest first (overlay); empty when <see cref="UpperDirectory"/> already holds the full tree (vfs). Pass to the layer applier.</summary>
    IReadOnlyList<string> LowerDirectories(string key);
}

/// <summary>A mount as <c>mount(2)</c> takes it: <c>mount -t Type Source target -o Options</c>.</summary>
public sealed record Mount(string Type, string Source, IReadOnlyList<string> Options);
