using System.Threading.Channels;

namespace Wharf.Engine.Events;

/// <summary>A live subscription to an <see cref="EventLog"/>: the replayed past events, then new ones as they come. Dispose to unsubscribe.</summary>
public sealed class EventSubscription : IDisposable
{
    private readonly EventLog _log;
    private readonly EventFilter _filter;
    private readonly Channel<EventMessage> _channel = Channel.CreateBounded<EventMessage>(
        new BoundedChannelOptions(EventLog.SubscriberBuffer) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private int _disposed;

    internal EventSubscription(EventLog log, EventFilter filter, IReadOnlyList<EventMessage> replay)
    {
        _log = log;
        _filter = filter;
        Replay = replay;
    }

    /// <summary>Kept events in the requested window, oldest first.</summary>
    public IReadOnlyList<EventMessage> Replay { get; }

    /// <summary>Events published after the subscription was made; completes when disposed.</summary>
    public ChannelReader<EventMessage> Live => _channel.Reader;

    internal void Offer(EventMessage message)
    {
        if (_filter.Include(message))
        {
            _channel.Writer.TryWrite(message);
        }
    }

    /// <summary>Unsubscribes and completes <see cref="Live"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _log.Unsubscribe(this);
            _channel.Writer.TryComplete();
        }
    }
}
