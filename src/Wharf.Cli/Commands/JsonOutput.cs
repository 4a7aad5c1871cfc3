using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wharf.Cli.Commands;

/// <summary>Writes JSON the way docker's <c>inspect</c> prints it: indented with 4 spaces, no HTML escaping.</summary>
internal static class JsonOutput
{
    /// <summary>Indents <paramref name="node"/>.</summary>
    public static string Indented(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, IndentSize = 4, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            if (node is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                node.WriteTo(writer);
            }
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
