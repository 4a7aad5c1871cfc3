using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Wharf.Api.Json;
using Wharf.Api.Models;
using Wharf.Api.Streams;

namespace Wharf.Daemon.Http;

/// <summary>Writes API answers with Docker's exact content types (no charset).</summary>
public static class ApiResponses
{
    /// <summary>Writes <paramref name="value"/> as JSON with <paramref name="status"/>.</summary>
    public static async Task WriteJsonAsync<T>(HttpContext context, T value, JsonTypeInfo<T> type, int status = StatusCodes.Status200OK)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, type);
        context.Response.StatusCode = status;
        context.Response.Headers.ContentType = StreamContentTypes.Json;
        context.Response.ContentLength = bytes.Length + 1;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        await context.Response.Body.WriteAsync("\n"u8.ToArray(), context.RequestAborted);
    }

    /// <summary>Writes Docker's error body <c>{"message":…}</c>; 304 gets no body, as Docker.</summary>
    public static async Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status304NotModified)
        {
            return;
        }
        if (context.Request.Method == HttpMethods.Head)
        {
            context.Response.Headers.ContentType = StreamContentTypes.Json;
            return;
        }
        await WriteJsonAsync(context, new ErrorResponse { Message = message }, WharfApiJsonContext.Default.ErrorResponse, status);
    }

    /// <summary>Answers with a status and no body (204, 201 for tag…).</summary>
    public static Task NoContentAsync(HttpContext context, int status = StatusCodes.Status204NoContent)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
