namespace Wharf.Core.Errors;

/// <summary>Base of every typed Wharf error; <see cref="Kind"/> decides the status code.</summary>
public class WharfException : Exception
{
    /// <summary>Creates an error of the given kind.</summary>
    public WharfException(ErrorKind kind, string message, Exception? inner = null) : base(message, inner) => Kind = kind;

    /// <summary>What kind of failure this is.</summary>
    public ErrorKind Kind { get; }
}

/// <summary>The named object does not exist.</summary>
public sealed class NotFoundException(string message) : WharfException(ErrorKind.NotFound, message);

/// <summary>The request conflicts with the current state.</summary>
public sealed class ConflictException(string message) : WharfException(ErrorKind.Conflict, message);

/// <summary>The request is malformed.</summary>
public sealed class InvalidArgumentException(string message, Exception? inner = null) : WharfException(ErrorKind.InvalidArgument, message, inner);

/// <summary>The request is refused while the object is in use.</summary>
public sealed class ForbiddenException(string message) : WharfException(ErrorKind.Forbidden, message);

/// <summary>Credentials are missing or wrong.</summary>
public sealed class UnauthorizedException(string message) : WharfException(ErrorKind.Unauthorized, message);

/// <summary>The operation changed nothing (already in the requested state).</summary>
public sealed class NotModifiedException(string message) : WharfException(ErrorKind.NotModified, message);

/// <summary>A dependency is not available.</summary>
public sealed class UnavailableException(string message, Exception? inner = null) : WharfException(ErrorKind.Unavailable, message, inner);

/// <summary>The feature is not implemented.</summary>
public sealed class NotImplementedWharfException(string message) : WharfException(ErrorKind.NotImplemented, message);
