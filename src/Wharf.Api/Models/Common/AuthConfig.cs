using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Registry credentials as carried (base64 JSON) in <c>X-Registry-Auth</c> and posted to <c>/auth</c>.</summary>
public sealed class AuthConfig
{
    /// <summary>User name.</summary>
    [JsonPropertyName("username")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Username { get; set; }
    /// <summary>Password.</summary>
    [JsonPropertyName("password")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Password { get; set; }
    /// <summary>base64 of <c>user:password</c>.</summary>
    [JsonPropertyName("auth")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Auth { get; set; }
    /// <summary>Legacy e-mail.</summary>
    [JsonPropertyName("email")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Email { get; set; }
    /// <summary>Registry address.</summary>
    [JsonPropertyName("serveraddress")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ServerAddress { get; set; }
    /// <summary>OAuth refresh token from a previous login.</summary>
    [JsonPropertyName("identitytoken")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? IdentityToken { get; set; }
    /// <summary>Bearer token sent to the registry as is.</summary>
    [JsonPropertyName("registrytoken")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? RegistryToken { get; set; }
}
