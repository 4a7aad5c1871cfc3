namespace Wharf.Engine.Events;

/// <summary>
/// The daemon's event log, as Docker keeps it: the last <see cref="DefaultCapacity"/> events in memory (nothing survives
/// a daemon restart) for <c>--since</c>/<c>--until</c> replay, plus live subscribers. Publishing never blocks: a
/// subscriber that falls more than <see cref="SubscriberBuffer"/> events behind misses the overflow.
/// </summary>
public sealed class EventLog : IEventPublisher
{
    /// <summary>Events kept for replay (moby's <c>eventsLimit</c>).</summary>
    public const int DefaultCapacity = 256;

    /// <summary>Events buffered per live subscriber (moby's <c>bufferSize</c>).</summary>
    public const int SubscriberBuffer = 1024;

    private static readonly IReadOnlyDictionary<string, string> s_noAttributes = new Dictionary<string, string>();

    private readonly object _gate = new();
    private readonly EventMessage[] _ring;
    private readonly TimeProvider _time;
    private readonly List<EventSubscription> _subscribers = [];
    private int _start;
    private int _count;
    private long _lastNano;

    /// <summary>Creates an empty log keeping <paramref name="capacity"/> events.</summary>
    public EventLog(int capacity = DefaultCapacity, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new EventMessage[capacity];
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Live subscriptions (for tests and diagnostics).</summary>
    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <inheritdoc />
    public void Publish(string type, string action, string actorId, IReadOnlyDictionary<string, string>? attributes = null)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            // Strictly increasing times keep --since/--until replay and the stream in one consistent order.
            var nano = Math.Max((now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100, _lastNano + 1);
            _lastNano = nano;
            var message = new EventMessage(type, action, actorId, attributes ?? s_noAttributes, nano);
            if (_count == _ring.Length)
            {
                _ring[_start] = message;
                _start = (_start + 1) % _ring.Length;
            }
            else
            {
                _ring[(_start + _count) % _ring.Length] = message;
                _count++;
            }
            foreach (var subscriber in _subscribers)
            {
                subscriber.Offer(message);
            }
        }
    }

    /// <summary>
    /// Subscribes to new events passing <paramref name="filter"/>. When <paramref name="sinceNano"/> or
    /// <paramref name="untilNano"/> is given, the kept events in that window that pass the filter are returned as
    /// <see cref="EventSubscription.Replay"/> (as moby does, nothing is replayed without either). Dispose the
    /// subscription to end it.
    /// </summary>
    public EventSubscription Subscribe(long? sinceNano, long? untilNano, EventFilter? filter = null)
    {
        filter ??= EventFilter.None;
        lock (_gate)
        {
            var replay = new List<EventMessage>();
            if (sinceNano is not null || untilNano is not null)
            {
                for (var i = 0; i < _count; i++)
                {
                    var message = _ring[(_start + i) % _ring.Length];
                    if (message.TimeNano < (sinceNano ?? long.MinValue) || (untilNano is { } until && message.TimeNano > until))
                    {
                        continue;
                    }
                    if (filter.Include(message))
                    {
                        replay.Add(message);
                    }
                }
            }
            var subscription = new EventSubscription(this, filter, replay);
            _subscribers.Add(subscription);
            return subscription;
        }
    }

    internal void Unsubscribe(EventSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }
    }
}
