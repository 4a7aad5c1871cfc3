namespace Wharf.Engine.Networks.Linux;

/// <summary>A host networking step (ip, nft, namespace) failed; the message carries the tool's error.</summary>
public sealed class NetworkHostException(string message, Exception? inner = null)
    : Core.Errors.WharfException(Core.Errors.ErrorKind.Internal, message, inner);
