using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;
using Wharf.Daemon.Configuration;
using Wharf.Daemon.Http;
using Wharf.Daemon.Routers;

namespace Wharf.Daemon.Hosting;

/// <summary>
/// Builds the Kestrel server of the Engine API: the listeners of <c>-H</c> (unix sockets, TCP) each behind the
/// half-close/hijack connection shim, no <c>Server: Kestrel</c>, no body size limit, and the <see cref="ApiPipeline"/>.
/// Kestrel is built by hand (no generic host, DI container, routing or console logger) for a small idle footprint.
/// </summary>
public static class ApiServer
{
    /// <summary>How long the API must be quiet after requests before the daemon gives memory back.</summary>
    public static readonly TimeSpan IdleTrimDelay = TimeSpan.FromSeconds(10);

    /// <summary>Builds (does not start) the server for <paramref name="hosts"/> with the given routers.</summary>
    public static ApiHost Build(IReadOnlyList<string> hosts, IEnumerable<IApiRouter> routers, string logLevel = "info")
    {
        var loggerFactory = new StderrLoggerFactory(ToLogLevel(logLevel));
        var kestrel = new KestrelServerOptions
        {
            AddServerHeader = false,
        };
        kestrel.Limits.MaxRequestBodySize = null;
        kestrel.Limits.MinRequestBodyDataRate = null;
        kestrel.Limits.MinResponseDataRate = null;
        kestrel.Limits.KeepAliveTimeout = TimeSpan.FromMinutes(10);
        foreach (var host in hosts.Select(HostAddress.Parse))
        {
            if (host.Scheme == "unix")
            {
                PrepareSocketPath(host.SocketPath);
                kestrel.ListenUnixSocket(host.SocketPath, UseShim);
            }
            else
            {
                kestrel.Listen(host.Address!, host.Port, UseShim);
            }
        }
        var routes = new RouteTable();
        foreach (var router in routers)
        {
            router.Map(routes);
        }
        var trimmer = new IdleMemoryTrimmer(IdleTrimDelay);
        var pipeline = new ApiPipeline(routes, new Logger<ApiPipeline>(loggerFactory)) { Trimmer = trimmer };
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), loggerFactory);
        var server = new KestrelServer(Options.Create(kestrel), transport, loggerFactory);
        return new ApiHost(server, new ApiApplication(pipeline), loggerFactory, trimmer);
    }

    /// <summary>After the listeners are bound: unix sockets get mode 0660 and group <c>wharf</c> when that group exists.</summary>
    public static void SecureSockets(IReadOnlyList<string> hosts)
    {
        var gid = UnixGroups.Lookup("wharf");
        foreach (var host in hosts.Select(HostAddress.Parse).Where(h => h.Scheme == "unix"))
        {
            File.SetUnixFileMode(host.SocketPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite);
            if (gid is { } g)
            {
                UnixGroups.Chgrp(host.SocketPath, g);
            }
        }
    }

    /// <summary>Removes the socket files of unix listeners (on shutdown).</summary>
    public static void RemoveSockets(IReadOnlyList<string> hosts)
    {
        foreach (var host in hosts.Select(HostAddress.Parse).Where(h => h.Scheme == "unix"))
        {
            try
            {
                File.Delete(host.SocketPath);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void UseShim(ListenOptions listen) => listen.Use(next => async connection =>
    {
        var shim = new HalfCloseConnectionContext(connection);
        try
        {
            await next(shim);
        }
        finally
        {
            shim.StopPump();
        }
    });

    /// <summary>A stale socket file (no daemon answers on it) is removed before binding; a live one is an error.</summary>
    private static void PrepareSocketPath(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path))
        {
            return;
        }
        using (var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            try
            {
                probe.Connect(new UnixDomainSocketEndPoint(path));
                throw new DaemonUsageException($"another daemon is already listening on {path}");
            }
            catch (SocketException)
            {
                // Nobody listens: stale.
            }
        }
        File.Delete(path);
    }

    private static LogLevel ToLogLevel(string level) => level switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "warn" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "fatal" or "panic" => LogLevel.Critical,
        _ => LogLevel.Information,
    };
}
