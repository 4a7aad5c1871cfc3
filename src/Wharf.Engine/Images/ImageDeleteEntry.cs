namespace Wharf.Engine.Images;

/// <summary>One line of <c>docker rmi</c>'s answer: a reference that was untagged, or an image/layer ID that was deleted.</summary>
public sealed record ImageDeleteEntry(string? Untagged, string? Deleted)
{
    /// <summary>A removed tag or digest reference (familiar form, e.g. <c>busybox:latest</c>).</summary>
    public static ImageDeleteEntry ForUntagged(string reference) => new(reference, null);

    /// <summary>A deleted image ID or released layer chain ID (<c>sha256:…</c>).</summary>
    public static ImageDeleteEntry ForDeleted(string id) => new(null, id);
}
