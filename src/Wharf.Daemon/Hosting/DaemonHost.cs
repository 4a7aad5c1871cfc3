using System.Runtime.InteropServices;
using Wharf.Daemon.Composition;
using Wharf.Daemon.Configuration;

namespace Wharf.Daemon.Hosting;

/// <summary>Runs the daemon: directories, PID file, engine composition and recovery, then the API until SIGTERM/SIGINT.</summary>
public static class DaemonHost
{
    /// <summary>Runs until shut down; returns the process exit code.</summary>
    public static async Task<int> RunAsync(DaemonOptions options)
    {
        Directory.CreateDirectory(options.DataRoot);
        Directory.CreateDirectory(options.ExecRoot);
        using var pidFile = PidFile.Create(options.EffectivePidFile);
        using var engine = await EngineHost.StartAsync(options);
        var hosts = options.EffectiveHosts;
        await using var api = ApiServer.Build(hosts, engine.Routers, options.Debug ? "debug" : options.LogLevel);
        var logger = api.LoggerFactory.CreateLogger("wharfd");
        var shutdown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        try
        {
            await api.StartAsync();
            ApiServer.SecureSockets(hosts);
            foreach (var host in hosts)
            {
                logger.LogInformation("API listen on {Host}", host);
            }
            logger.LogInformation("Daemon has completed initialization (version {Version}, data root {DataRoot}, storage driver {Driver})",
                WharfVersion.Version, options.DataRoot, engine.StorageDriverName);
            await shutdown.Task;
            logger.LogInformation("Processing signal, shutting down");
            await api.StopAsync();
        }
        finally
        {
            ApiServer.RemoveSockets(hosts);
        }
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            shutdown.TrySetResult();
        }
    }
}
