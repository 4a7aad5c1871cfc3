using System.Text.Json;

namespace Wharf.Core.Oci;

/// <summary>Tells what kind of manifest a JSON document is, from its <c>mediaType</c> field or, when OCI leaves that out, its shape.</summary>
public static class ManifestProbe
{
    /// <summary>
    /// The document's media type: its <c>mediaType</c> field when present, otherwise <see cref="MediaTypes.OciIndex"/> for
    /// a <c>manifests</c> array, <see cref="MediaTypes.OciManifest"/> for <c>config</c>+<c>layers</c>,
    /// <see cref="MediaTypes.DockerManifestSchema1"/> for schema 1; null when it is not a manifest or not JSON.
    /// </summary>
    public static string? DetectMediaType(ReadOnlySpan<byte> json)
    {
        string? mediaType = null;
        int? schemaVersion = null;
        bool manifests = false, config = false, layers = false, fsLayers = false, signatures = false;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "mediaType" when reader.TokenType == JsonTokenType.String:
                        mediaType = reader.GetString();
                        break;
                    case "schemaVersion" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var version):
                        schemaVersion = version;
                        break;
                    case "manifests":
                        manifests = reader.TokenType == JsonTokenType.StartArray;
                        break;
                    case "config":
                        config = reader.TokenType == JsonTokenType.StartObject;
                        break;
                    case "layers":
                        layers = reader.TokenType == JsonTokenType.StartArray;
                        break;
                    case "fsLayers":
                        fsLayers = true;
                        break;
                    case "signatures":
                        signatures = true;
                        break;
                }
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return null;
        }
        if (!string.IsNullOrEmpty(mediaType))
        {
            return mediaType;
        }
        if (schemaVersion == 1 && fsLayers)
        {
            return signatures ? MediaTypes.DockerManifestSchema1Signed : MediaTypes.DockerManifestSchema1;
        }
        if (schemaVersion != 2)
        {
            return null;
        }
        if (manifests)
        {
            return MediaTypes.OciIndex;
        }
        return config && layers ? MediaTypes.OciManifest : null;
    }
}
