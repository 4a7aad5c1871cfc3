namespace Wharf.Api.Client;

/// <summary>An in-band error (<c>errorDetail</c>/<c>error</c>) in a JSON message stream.</summary>
public sealed class JsonMessageException(string message, int? code = null) : Exception(message)
{
    /// <summary>The error code in <c>errorDetail.code</c>, when sent.</summary>
    public int? Code { get; } = code;
}
