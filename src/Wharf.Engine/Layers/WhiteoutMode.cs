namespace Wharf.Engine.Layers;

/// <summary>How a layer's whiteouts land on disk.</summary>
public enum WhiteoutMode
{
    /// <summary>Applying into an overlayfs upper directory: <c>.wh.x</c> becomes a 0/0 character device, <c>.wh..wh..opq</c> the <c>trusted.overlay.opaque=y</c> xattr.</summary>
    Overlay,
    /// <summary>Applying onto a full copy of the lower layers (vfs): whiteouts delete the lower paths.</summary>
    Delete,
}
