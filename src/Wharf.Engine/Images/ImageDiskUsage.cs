namespace Wharf.Engine.Images;

/// <summary>One image's line of <c>GET /system/df</c>.</summary>
/// <param name="Image">The image.</param>
/// <param name="SharedSize">Bytes of its layers that other images use too.</param>
/// <param name="Containers">How many containers use it.</param>
public sealed record ImageDiskUsage(ImageRecord Image, long SharedSize, int Containers);
