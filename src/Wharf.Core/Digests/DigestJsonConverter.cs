using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wharf.Core.Digests;

/// <summary>Reads and writes a <see cref="Digest"/> as its <c>algorithm:hex</c> string.</summary>
public sealed class DigestJsonConverter : JsonConverter<Digest>
{
    /// <inheritdoc />
    public override Digest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("digest must be a string");
        }
        var text = reader.GetString();
        if (!Digest.TryParse(text, out var digest))
        {
            throw new JsonException($"invalid digest \"{text}\"");
        }
        return digest;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Digest value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
