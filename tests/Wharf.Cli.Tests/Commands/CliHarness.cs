using System.Text;
using Wharf.Cli.Commands;

namespace Wharf.Cli.Tests.Commands;

/// <summary>Runs <c>wharf</c> in-process with captured streams.</summary>
internal static class CliHarness
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> RunAsync(string? host, byte[]? stdin, params string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var environment = new Dictionary<string, string?> { ["WHARF_HOST"] = host ?? "unix:///nonexistent/wharf-test.sock", ["PATH"] = "/nonexistent" };
        var outWriter = new StreamWriter(stdout, new UTF8Encoding(false), leaveOpen: true) { AutoFlush = true, NewLine = "\n" };
        var errWriter = new StreamWriter(stderr, new UTF8Encoding(false), leaveOpen: true) { AutoFlush = true, NewLine = "\n" };
        using var context = new CliContext
        {
            Out = outWriter,
            Err = errWriter,
            StdoutStream = stdout,
            StderrStream = stderr,
            StdinStream = new MemoryStream(stdin ?? []),
            GetEnvironment = key => environment.GetValueOrDefault(key),
            AllowDaemonAutostart = false,
            Cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token,
        };
        var code = await new CliApp(context).RunAsync(args);
        return new Result(code, Encoding.UTF8.GetString(stdout.ToArray()), Encoding.UTF8.GetString(stderr.ToArray()));
    }

    public static Task<Result> RunOfflineAsync(params string[] args) => RunAsync(null, null, args);
}
