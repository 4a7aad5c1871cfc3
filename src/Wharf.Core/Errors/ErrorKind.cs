namespace Wharf.Core.Errors;

/// <summary>What a caller can still do about a failed operation; mapped to HTTP status codes in one place (the daemon).</summary>
public enum ErrorKind
{
    /// <summary>Unexpected failure inside Wharf (500).</summary>
    Internal,
    /// <summary>The named object does not exist (404).</summary>
    NotFound,
    /// <summary>The request conflicts with current state: name in use, container running (409).</summary>
    Conflict,
    /// <summary>The request itself is malformed (400).</summary>
    InvalidArgument,
    /// <summary>The operation is refused while the object is in use (403), e.g. removing a network with endpoints.</summary>
    Forbidden,
    /// <summary>Credentials missing or wrong (401).</summary>
    Unauthorized,
    /// <summary>Nothing to do: already started, already stopped (304).</summary>
    NotModified,
    /// <summary>A dependency (runtime, registry) is not available right now (503).</summary>
    Unavailable,
    /// <summary>The feature is not implemented (501).</summary>
    NotImplemented,
    /// <summary>The caller cancelled the operation.</summary>
    Cancelled,
}
