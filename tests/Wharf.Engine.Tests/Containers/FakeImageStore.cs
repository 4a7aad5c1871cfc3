using Wharf.Core.Errors;
using Wharf.Engine.Images;

namespace Wharf.Engine.Tests.Containers;

/// <summary>An in-memory image store resolving by ID, short ID and exact tag (enough for container tests).</summary>
internal sealed class FakeImageStore : IImageStore
{
    private readonly List<ImageRecord> _images = [];

    public void Add(ImageRecord image) => _images.Add(image);

    public ImageRecord Resolve(string nameOrId) => TryResolve(nameOrId) ?? throw new NotFoundException($"No such image: {nameOrId}");

    public ImageRecord? TryResolve(string nameOrId) => _images.FirstOrDefault(i =>
        i.Id.ToString() == nameOrId || i.Id.Hex.StartsWith(nameOrId, StringComparison.Ordinal) && nameOrId.Length >= 12 ||
        i.RepoTags.Contains(nameOrId) || i.RepoTags.Contains($"docker.io/library/{nameOrId}:latest") || i.RepoTags.Contains($"docker.io/library/{nameOrId}"));

    public IReadOnlyList<ImageRecord> List() => _images;
}
