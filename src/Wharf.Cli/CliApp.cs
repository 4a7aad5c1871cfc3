using System.Reflection;
using System.Text;
using Wharf.Api.Client;
using Wharf.Cli.Commands;
using Wharf.Cli.Parsing;
using Wharf.Cli.Templates;
using Wharf.Core.Errors;

namespace Wharf.Cli;

/// <summary>The <c>wharf</c> command tree: global flags, dispatch to one command, and the one place errors become messages and exit codes.</summary>
internal sealed class CliApp
{
    /// <summary>The program name used in messages.</summary>
    public const string ProgramName = "wharf";

    private readonly CliContext _context;
    private readonly List<(string Name, string[] Aliases, Command Command)> _topLevel = [];
    private readonly List<CommandGroup> _groups = [];

    /// <summary>Creates the app with every command registered.</summary>
    public CliApp(CliContext context)
    {
        _context = context;
        var run = new RunCommand();
        var create = new CreateCommand();
        var start = new StartCommand();
        var stop = new StopCommand();
        var kill = new KillCommand();
        var wait = new WaitCommand();
        var rm = new RmCommand();
        var ps = new PsCommand();
        var logs = new LogsCommand();
        var export = new ExportCommand();
        var images = new ImagesCommand();
        var tag = new TagCommand();
        var rmi = new RmiCommand();
        var import = new ImportCommand();
        var info = new InfoCommand();

        _groups.Add(new CommandGroup("container", "Manage containers")
            .Add(create).Add(export).Add(new InspectCommand(InspectCommand.ContainerType)).Add(kill).Add(logs)
            .Add(ps, "ls", "ps", "list").Add(rm, "rm", "remove").Add(run).Add(start).Add(stop).Add(wait));
        _groups.Add(new CommandGroup("image", "Manage images")
            .Add(import).Add(new InspectCommand(InspectCommand.ImageType)).Add(images, "ls", "list").Add(rmi, "rm", "remove").Add(tag));
        _groups.Add(new CommandGroup("system", "Manage Wharf").Add(info));
        _groups.Add(new CommandGroup("volume", "Manage volumes").Add(new VolumeCreateCommand()).Add(new VolumeInspectCommand())
            .Add(new VolumeLsCommand(), "ls", "list").Add(new VolumePruneCommand()).Add(new VolumeRmCommand(), "rm", "remove"));
        _groups.Add(new CommandGroup("network", "Manage networks").Add(new NetworkConnectCommand()).Add(new NetworkCreateCommand())
            .Add(new NetworkDisconnectCommand()).Add(new NetworkInspectCommand()).Add(new NetworkLsCommand(), "ls", "list")
            .Add(new NetworkPruneCommand()).Add(new NetworkRmCommand(), "rm", "remove"));

        foreach (var command in new Command[] { run, create, start, stop, kill, wait, rm, ps, logs, new InspectCommand(null), images, tag, rmi, import, export, new VersionCommand(), info })
        {
            _topLevel.Add((command.Name, [], command));
        }
        foreach (var command in new Command[] { new ExecCommand(), new AttachCommand(), new PortCommand() })
        {
            _topLevel.Add((command.Name, [], command));
            _groups.First(g => g.Name == "container").Add(command);
        }
        foreach (var command in new Command[] { new StatsCommand(), new TopCommand(), new UpdateCommand() })
        {
            _topLevel.Add((command.Name, [], command));
            _groups.First(g => g.Name == "container").Add(command);
        }
        foreach (var command in new Command[] { new PauseCommand(), new UnpauseCommand(), new RenameCommand(), new RestartCommand() })
        {
            _topLevel.Add((command.Name, [], command));
            _groups.First(g => g.Name == "container").Add(command);
        }
        var events = new EventsCommand();
        _topLevel.Add((events.Name, [], events));
        _groups.First(g => g.Name == "system").Add(events);
        foreach (var command in new Command[] { new CpCommand(), new DiffCommand(), new CommitCommand() })
        {
            _topLevel.Add((command.Name, [], command));
            _groups.First(g => g.Name == "container").Add(command);
        }
        _groups.First(g => g.Name == "container").Add(new ContainerPruneCommand());
        _groups.First(g => g.Name == "image").Add(new ImagePruneCommand());
        _groups.First(g => g.Name == "system").Add(new SystemDfCommand()).Add(new SystemPruneCommand());
    }

    /// <summary>The version this CLI reports.</summary>
    public static string Version => typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Parses the command line, runs the command and returns the exit code. Never throws.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        try
        {
            return await DispatchAsync(args).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return Report(e);
        }
        finally
        {
            await _context.Out.FlushAsync().ConfigureAwait(false);
            await _context.Err.FlushAsync().ConfigureAwait(false);
        }
    }

    private async Task<int> DispatchAsync(IReadOnlyList<string> args)
    {
        var globals = GlobalFlags();
        ParsedFlags parsedGlobals;
        try
        {
            parsedGlobals = globals.Parse(args, interspersed: false);
        }
        catch (FlagParseException e)
        {
            throw new CommandUsageException(e.Message, ProgramName, $"{ProgramName} [OPTIONS] COMMAND [ARG...]", 125, prefixProgram: false, see: false);
        }
        _context.HostFlags = parsedGlobals.GetList("host");
        if (parsedGlobals.GetBool("version"))
        {
            _context.Out.WriteLine($"Wharf version {Version}");
            return 0;
        }
        var rest = parsedGlobals.Positionals;
        if (rest.Count == 0 || parsedGlobals.GetBool("help"))
        {
            _context.Out.Write(RootHelp(globals));
            return 0;
        }
        var word = rest[0];
        var group = _groups.FirstOrDefault(g => g.Name == word);
        if (group is not null)
        {
            var groupPath = $"{ProgramName} {group.Name}";
            if (rest.Count == 1 || rest[1] is "--help" or "-h")
            {
                _context.Out.Write(GroupHelp(group));
                return 0;
            }
            var sub = group.Find(rest[1]);
            if (sub is null)
            {
                throw new CommandUsageException($"unknown command: {groupPath} {rest[1]}", groupPath, groupPath, 1, prefixProgram: true, see: false);
            }
            return await ExecuteAsync($"{groupPath} {sub.Value.Name}", sub.Value.Command, rest.Skip(2).ToList()).ConfigureAwait(false);
        }
        var top = _topLevel.FirstOrDefault(t => t.Name == word);
        if (top.Command is null)
        {
            throw new CommandUsageException($"unknown command: {ProgramName} {word}", ProgramName, "", 1, prefixProgram: true, see: false);
        }
        return await ExecuteAsync($"{ProgramName} {top.Name}", top.Command, rest.Skip(1).ToList()).ConfigureAwait(false);
    }

    private async Task<int> ExecuteAsync(string commandPath, Command command, List<string> args)
    {
        var flags = command.CreateFlagSet();
        var usageLine = $"{commandPath} {command.Usage}";
        ParsedFlags parsed;
        try
        {
            parsed = flags.Parse(args, interspersed: !command.StopsAtFirstPositional);
        }
        catch (FlagParseException e)
        {
            throw new CommandUsageException(e.Message, commandPath, usageLine, 125, prefixProgram: false, see: false);
        }
        if (parsed.GetBool("help"))
        {
            _context.Out.Write(HelpWriter.ForCommand(commandPath, command, flags, AliasPaths(command)));
            return 0;
        }
        if (command.Args.Check(commandPath, parsed.Positionals.Count) is { } problem)
        {
            throw new CommandUsageException(problem.Message, commandPath, usageLine, 1, prefixProgram: true, see: problem.See);
        }
        return await command.ExecuteAsync(new CommandInvocation(commandPath, parsed, _context)).ConfigureAwait(false);
    }

    private List<string> AliasPaths(Command command)
    {
        var paths = new List<string>();
        foreach (var group in _groups)
        {
            foreach (var entry in group.Entries.Where(e => ReferenceEquals(e.Command, command)))
            {
                paths.Add($"{ProgramName} {group.Name} {entry.Name}");
                paths.AddRange(entry.Aliases.Where(a => a != entry.Name).Select(a => $"{ProgramName} {group.Name} {a}"));
            }
        }
        paths.AddRange(_topLevel.Where(t => ReferenceEquals(t.Command, command)).Select(t => $"{ProgramName} {t.Name}"));
        return paths;
    }

    /// <summary>Maps any failure to docker's message and exit code.</summary>
    private int Report(Exception e)
    {
        var err = _context.Err;
        switch (e)
        {
            case CommandUsageException usage:
                err.Write(usage.Render());
                return usage.ExitCode;
            case StatusException status:
                if (status.Message.Length > 0)
                {
                    err.WriteLine(status.Message);
                }
                return status.ExitCode;
            case DaemonErrorException daemon:
                err.WriteLine("Error response from daemon: " + daemon.Message);
                return 1;
            case DaemonUnreachableException unreachable:
                err.WriteLine(unreachable.Message);
                return 1;
            case JsonMessageException message:
                err.WriteLine(message.Message);
                return 1;
            case TemplateException template:
                err.WriteLine(template.Message);
                return 1;
            case WharfException wharf:
                err.WriteLine(wharf.Message);
                return 1;
            case OperationCanceledException:
                return 130;
            case IOException io when io.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase):
                return 0;
            default:
                err.WriteLine(e.Message);
                if (_context.GetEnvironment("WHARF_DEBUG") is { Length: > 0 })
                {
                    err.WriteLine(e.ToString());
                }
                return 1;
        }
    }

    private static FlagSet GlobalFlags() => new FlagSet()
        .String("config", null, "Location of client config files", valueType: "string")
        .String("context", 'c', "Name of the context to use to connect to the daemon")
        .Bool("debug", 'D', "Enable debug mode")
        .List("host", 'H', "Daemon socket to connect to")
        .String("log-level", 'l', "Set the logging level (\"debug\", \"info\", \"warn\", \"error\", \"fatal\")", "info")
        .Bool("version", 'v', "Print version information and quit")
        .Bool("help", 'h', "Print usage");

    private string RootHelp(FlagSet globals)
    {
        var sb = new StringBuilder();
        sb.Append($"\nUsage:  {ProgramName} [OPTIONS] COMMAND\n\nA Docker-compatible container platform\n\nCommon Commands:\n");
        foreach (var (name, _, command) in _topLevel)
        {
            sb.Append("  ").Append(name.PadRight(12)).Append(command.Description).Append('\n');
        }
        sb.Append("\nManagement Commands:\n");
        foreach (var group in _groups)
        {
            sb.Append("  ").Append(group.Name.PadRight(12)).Append(group.Description).Append('\n');
        }
        sb.Append("\nGlobal Options:\n").Append(HelpWriter.Options(globals.Flags.Where(f => f.Name != "help").ToList()));
        sb.Append($"\nRun '{ProgramName} COMMAND --help' for more information on a command.\n");
        return sb.ToString();
    }

    private static string GroupHelp(CommandGroup group)
    {
        var sb = new StringBuilder();
        sb.Append($"\nUsage:  {ProgramName} {group.Name} COMMAND\n\n{group.Description}\n\nCommands:\n");
        foreach (var (name, _, command) in group.Entries)
        {
            sb.Append("  ").Append(name.PadRight(12)).Append(command.Description).Append('\n');
        }
        sb.Append($"\nRun '{ProgramName} {group.Name} COMMAND --help' for more information on a command.\n");
        return sb.ToString();
    }
}
