using Wharf.Daemon;
using Wharf.Daemon.Configuration;
using Wharf.Daemon.Hosting;

try
{
    var commandLine = CommandLine.Parse(args);
    if (commandLine.ShowHelp)
    {
        Console.WriteLine(CommandLine.Usage);
        return 0;
    }
    if (commandLine.ShowVersion)
    {
        Console.WriteLine($"Wharf version {WharfVersion.Version}, build {WharfVersion.GitCommit}");
        return 0;
    }
    var options = DaemonConfigFile.Merge(commandLine);
    return await DaemonHost.RunAsync(options);
}
catch (DaemonUsageException e) when (e.ShowUsage)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("See 'wharfd --help'.");
    return 125;
}
catch (DaemonUsageException e)
{
    Console.Error.WriteLine("failed to start daemon: " + e.Message);
    return 1;
}
