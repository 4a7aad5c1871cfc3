using Wharf.Core.Errors;

namespace Wharf.Engine.Runtime;

/// <summary>The OCI runtime (runc) or conmon failed; <see cref="RuntimeMessage"/> is the runtime's own text.</summary>
public sealed class RuntimeException(ErrorKind kind, string message, string runtimeMessage) : WharfException(kind, message)
{
    /// <summary>The runtime's error text without log decoration, e.g. <c>runc create failed: unable to start container process: exec: "nope": executable file not found in $PATH</c>.</summary>
    public string RuntimeMessage { get; } = runtimeMessage;

    /// <summary>The command was not found (Docker CLI exits 127 on this text).</summary>
    public bool IsNotFound =>
        RuntimeMessage.Contains("executable file not found", StringComparison.Ordinal) ||
        RuntimeMessage.Contains("no such file or directory", StringComparison.Ordinal);

    /// <summary>The command could not be executed (Docker CLI exits 126 on this text).</summary>
    public bool IsPermissionDenied => RuntimeMessage.Contains("permission denied", StringComparison.Ordinal);
}
