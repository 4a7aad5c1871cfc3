using Wharf.Cli;
using Wharf.Cli.Commands;
using Wharf.Cli.Hosting;

using var cancellation = new CancellationTokenSource();
CliContext? current = null;
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    if (current?.InterruptHandler is { } forward)
    {
        forward();
        return;
    }
    cancellation.Cancel();
};
using var context = new CliContext
{
    Out = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false, NewLine = "\n" },
    Err = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true, NewLine = "\n" },
    StdoutStream = Console.OpenStandardOutput(),
    StderrStream = Console.OpenStandardError(),
    StdinStream = Console.OpenStandardInput(),
    StdinIsTerminal = NativeMethods.isatty(0) == 1,
    StdoutIsTerminal = NativeMethods.isatty(1) == 1,
    Cancellation = cancellation.Token,
};
current = context;
return await new CliApp(context).RunAsync(args);
