namespace Wharf.Core.Streams;

/// <summary>
/// Watches a stdin byte stream for a detach key sequence. Bytes that could start the sequence are held back until the
/// sequence either completes (the caller detaches; the held bytes are swallowed) or breaks off (they are released in order).
/// Matches across chunk boundaries, so it works whether a terminal delivers one key per read or a pipe delivers many.
/// </summary>
public sealed class DetachKeyMatcher
{
    private readonly byte[] _keys;
    private int _matched;

    /// <summary>Creates a matcher for <paramref name="keys"/>; an empty sequence never matches.</summary>
    public DetachKeyMatcher(IReadOnlyList<byte> keys) => _keys = [.. keys];

    /// <summary>Number of bytes currently held back as a possible start of the sequence.</summary>
    public int Pending => _matched;

    /// <summary>
    /// Feeds <paramref name="input"/>: bytes to forward go to <paramref name="forward"/>. Returns true once the whole sequence
    /// was seen; bytes after it in the same chunk are dropped (the client is detaching).
    /// </summary>
    public bool Feed(ReadOnlySpan<byte> input, List<byte> forward)
    {
        if (_keys.Length == 0)
        {
            forward.AddRange(input);
            return false;
        }
        foreach (var b in input)
        {
            if (b == _keys[_matched])
            {
                _matched++;
                if (_matched == _keys.Length)
                {
                    _matched = 0;
                    return true;
                }
                continue;
            }
            if (_matched > 0)
            {
                forward.AddRange(_keys.AsSpan(0, _matched));
                _matched = 0;
                if (b == _keys[0])
                {
                    _matched = 1;
                    if (_keys.Length == 1)
                    {
                        _matched = 0;
                        return true;
                    }
                    continue;
                }
            }
            forward.Add(b);
        }
        return false;
    }

    /// <summary>Releases held-back bytes (at end of input: they were never a full sequence).</summary>
    public void Flush(List<byte> forward)
    {
        forward.AddRange(_keys.AsSpan(0, _matched));
        _matched = 0;
    }
}
