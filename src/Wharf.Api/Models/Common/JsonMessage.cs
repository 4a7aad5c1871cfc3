using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>One message of a JSON progress stream (pull, push, import, load, build); every field is omitted when empty, like moby's <c>jsonmessage</c>.</summary>
public sealed class JsonMessage
{
    /// <summary>Status line, e.g. <c>Pull complete</c>.</summary>
    [JsonPropertyName("status")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Status { get; set; }
    /// <summary>What the status is about (layer ID, tag).</summary>
    [JsonPropertyName("id")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Id { get; set; }
    /// <summary>Pre-rendered progress bar (legacy clients).</summary>
    [JsonPropertyName("progress")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Progress { get; set; }
    /// <summary>Progress numbers.</summary>
    [JsonPropertyName("progressDetail")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ProgressDetail? ProgressDetail { get; set; }
    /// <summary>Build output text.</summary>
    [JsonPropertyName("stream")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Stream { get; set; }
    /// <summary>Legacy error text (docker-py, compose).</summary>
    [JsonPropertyName("error")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Error { get; set; }
    /// <summary>Structured error (the docker CLI fails on it).</summary>
    [JsonPropertyName("errorDetail")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ErrorDetail? ErrorDetail { get; set; }
    /// <summary>Auxiliary payload, e.g. <c>{"ID":"sha256:…"}</c> from build or <c>{Tag,Digest,Size}</c> from push.</summary>
    [JsonPropertyName("aux")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public JsonElement? Aux { get; set; }

    /// <summary>A message carrying an error in both forms clients read.</summary>
    public static JsonMessage FromError(string message) => new() { Error = message, ErrorDetail = new ErrorDetail { Message = message } };
}
