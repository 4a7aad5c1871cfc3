namespace Wharf.Engine.Layers;

/// <summary>Options of <see cref="DirectoryArchiver"/>.</summary>
public sealed class DirectoryArchiveOptions
{
    /// <summary>The tree is an overlayfs upper directory: write its 0/0 character devices as <c>.wh.</c> whiteouts and its opaque directories as <c>.wh..wh..opq</c>.</summary>
    public bool OverlayWhiteouts { get; init; }
}
