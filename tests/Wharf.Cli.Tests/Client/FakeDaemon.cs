using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Wharf.Cli.Tests.Client;

/// <summary>A scripted Engine API server on a temp unix socket: each connection's requests go to a handler that writes raw HTTP/1.1.</summary>
internal sealed class FakeDaemon : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly string _directory;
    private readonly Func<FakeRequest, FakeExchange, Task> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly List<Task> _connections = [];

    public FakeDaemon(Func<FakeRequest, FakeExchange, Task> handler)
    {
        _handler = handler;
        _directory = Directory.CreateTempSubdirectory("wharf-cli-fake-").FullName;
        SocketPath = Path.Combine(_directory, "d.sock");
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _listener.Listen(16);
        _acceptLoop = AcceptAsync();
    }

    public string SocketPath { get; }

    public string Host => "unix://" + SocketPath;

    public List<string> Requests { get; } = [];

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }
            lock (_connections)
            {
                _connections.Add(ServeAsync(socket));
            }
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        var reader = new BufferedReader(stream);
        try
        {
            while (true)
            {
                var request = await FakeRequest.ReadAsync(reader);
                if (request is null)
                {
                    return;
                }
                lock (Requests)
                {
                    Requests.Add(request.Method + " " + request.Target);
                }
                var exchange = new FakeExchange(stream, socket, reader);
                await _handler(request, exchange);
                if (exchange.Closed)
                {
                    return;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Dispose();
        await _acceptLoop;
        Task[] pending;
        lock (_connections)
        {
            pending = [.. _connections];
        }
        await Task.WhenAny(Task.WhenAll(pending), Task.Delay(2000));
        Directory.Delete(_directory, recursive: true);
    }
}
