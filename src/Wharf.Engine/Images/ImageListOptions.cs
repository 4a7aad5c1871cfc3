namespace Wharf.Engine.Images;

/// <summary>Options of <c>docker images</c> / <c>GET /images/json</c>.</summary>
public sealed class ImageListOptions
{
    /// <summary>Also show intermediate images (untagged parents of other images).</summary>
    public bool All { get; init; }

    /// <summary>Filters as the API sends them: <c>dangling</c>, <c>label</c>, <c>label!</c>, <c>reference</c>, <c>before</c>, <c>since</c>, <c>until</c> → values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
