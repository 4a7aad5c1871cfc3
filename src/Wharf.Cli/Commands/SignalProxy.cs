using System.Runtime.InteropServices;
using Wharf.Api.Client;

namespace Wharf.Cli.Commands;

/// <summary>docker's <c>--sig-proxy</c>: SIGINT and SIGTERM received by the CLI are sent to the container instead of ending the CLI.</summary>
internal sealed class SignalProxy : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly CliContext _context;

    private SignalProxy(CliContext context) => _context = context;

    /// <summary>Starts forwarding to container <paramref name="id"/> until disposed.</summary>
    public static SignalProxy Start(WharfClient client, string id, CliContext context)
    {
        var proxy = new SignalProxy(context);
        context.InterruptHandler = () => Forward(client, id, "SIGINT");
        proxy._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            Forward(client, id, "SIGTERM");
        }));
        return proxy;
    }

    private static void Forward(WharfClient client, string id, string signal) =>
        _ = client.KillContainerAsync(id, signal).ContinueWith(t => t.Exception, TaskScheduler.Default);

    /// <summary>Stops forwarding.</summary>
    public void Dispose()
    {
        _context.InterruptHandler = null;
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
