using System.Text.Json;
using Wharf.Api.Json;
using Wharf.Api.Models;
using Wharf.Core.Errors;

namespace Wharf.Api.Streams;

/// <summary>The <c>X-Docker-Container-Path-Stat</c> header: <b>standard</b> base64 of a <see cref="ContainerPathStat"/> JSON document.</summary>
public static class ContainerPathStatHeader
{
    /// <summary>The header name.</summary>
    public const string Name = "X-Docker-Container-Path-Stat";

    /// <summary>Encodes a stat for the header.</summary>
    public static string Encode(ContainerPathStat stat) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(stat, WharfApiJsonContext.Default.ContainerPathStat));

    /// <summary>Decodes the header (either base64 alphabet accepted). Throws <see cref="InvalidArgumentException"/> when malformed.</summary>
    public static ContainerPathStat Decode(string header)
    {
        if (!Base64Any.TryDecode(header, out var json))
        {
            throw new InvalidArgumentException("unable to decode container path stat header: bad base64");
        }
        try
        {
            return JsonSerializer.Deserialize(json, WharfApiJsonContext.Default.ContainerPathStat)
                ?? throw new InvalidArgumentException("unable to decode container path stat header: null");
        }
        catch (JsonException e)
        {
            throw new InvalidArgumentException("unable to decode container path stat header: " + e.Message, e);
        }
    }
}
