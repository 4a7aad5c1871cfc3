using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wharf.Core.Json;

/// <summary>Reads RFC 3339 times with up to 9 fraction digits and writes them as Go does (<see cref="GoTime.FormatRfc3339Nano"/>).</summary>
public sealed class GoTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("time must be a string");
        }
        var text = reader.GetString();
        if (!GoTime.TryParseRfc3339(text, out var value))
        {
            throw new JsonException($"invalid RFC 3339 time \"{text}\"");
        }
        return value;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(GoTime.FormatRfc3339Nano(value));
}
