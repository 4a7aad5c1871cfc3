using System.Text.Json;
using Wharf.Api.Json;
using Wharf.Api.Models;
using Wharf.Core.Errors;

namespace Wharf.Api.Streams;

/// <summary>The <c>X-Registry-Auth</c> header: base64 (either alphabet) of an <see cref="AuthConfig"/> JSON document.</summary>
public static class RegistryAuthHeader
{
    /// <summary>The header name.</summary>
    public const string Name = "X-Registry-Auth";

    /// <summary>Encodes credentials the way the docker CLI does (URL-safe base64 JSON; <c>e30=</c> for anonymous).</summary>
    public static string Encode(AuthConfig? auth) =>
        Base64Any.EncodeUrlSafe(JsonSerializer.SerializeToUtf8Bytes(auth ?? new AuthConfig(), WharfApiJsonContext.Default.AuthConfig));

    /// <summary>Decodes the header; an absent or empty header is anonymous (empty config). Throws <see cref="InvalidArgumentException"/> when malformed.</summary>
    public static AuthConfig Decode(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return new AuthConfig();
        }
        if (!Base64Any.TryDecode(header, out var json))
        {
            throw new InvalidArgumentException("invalid X-Registry-Auth header: must be a valid base64url-encoded string");
        }
        try
        {
            return JsonSerializer.Deserialize(json, WharfApiJsonContext.Default.AuthConfig) ?? new AuthConfig();
        }
        catch (JsonException e)
        {
            throw new InvalidArgumentException("invalid X-Registry-Auth header: " + e.Message, e);
        }
    }
}
