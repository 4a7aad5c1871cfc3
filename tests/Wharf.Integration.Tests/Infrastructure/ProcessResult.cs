namespace Wharf.Integration.Tests.Infrastructure;

/// <summary>What a finished command printed and returned.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Throws with both streams when the command did not exit 0.</summary>
    public ProcessResult EnsureSuccess(string what)
    {
        if (ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} exited {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}");
        }
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}
