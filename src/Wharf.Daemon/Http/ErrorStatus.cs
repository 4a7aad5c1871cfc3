using Wharf.Core.Errors;

namespace Wharf.Daemon.Http;

/// <summary>The one place where error kinds become HTTP status codes (moby's <c>httpstatus</c>).</summary>
public static class ErrorStatus
{
    /// <summary>Status code for <paramref name="kind"/>.</summary>
    public static int For(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.InvalidArgument => StatusCodes.Status400BadRequest,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.NotModified => StatusCodes.Status304NotModified,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ErrorKind.NotImplemented => StatusCodes.Status501NotImplemented,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>Status code for any exception thrown by a handler.</summary>
    public static int For(Exception exception) => exception switch
    {
        WharfException w => For(w.Kind),
        BadHttpRequestException b => b.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };
}
