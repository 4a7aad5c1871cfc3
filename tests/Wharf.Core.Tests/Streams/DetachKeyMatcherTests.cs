using Wharf.Core.Streams;

namespace Wharf.Core.Tests.Streams;

public sealed class DetachKeyMatcherTests
{
    private static (bool Detached, byte[] Forwarded) Feed(DetachKeyMatcher matcher, params byte[][] chunks)
    {
        var forward = new List<byte>();
        foreach (var chunk in chunks)
        {
            if (matcher.Feed(chunk, forward))
            {
                return (true, forward.ToArray());
            }
        }
        return (false, forward.ToArray());
    }

    [Fact]
    public void PlainInputPassesThrough()
    {
        var (detached, forwarded) = Feed(new DetachKeyMatcher([16, 17]), "ls -l\r"u8.ToArray());
        Assert.False(detached);
        Assert.Equal("ls -l\r"u8.ToArray(), forwarded);
    }

    [Fact]
    public void SequenceInOneChunkDetachesAndIsSwallowed()
    {
        var (detached, forwarded) = Feed(new DetachKeyMatcher([16, 17]), [(byte)'a', 16, 17, (byte)'b']);
        Assert.True(detached);
        Assert.Equal([(byte)'a'], forwarded);
    }

    [Fact]
    public void SequenceSplitAcrossReadsDetaches()
    {
        var matcher = new DetachKeyMatcher([16, 17]);
        var (detached, forwarded) = Feed(matcher, [16], [17]);
        Assert.True(detached);
        Assert.Empty(forwarded);
    }

    [Fact]
    public void BrokenSequenceReleasesTheHeldKeysInOrder()
    {
        var matcher = new DetachKeyMatcher([16, 17]);
        var forward = new List<byte>();
        Assert.False(matcher.Feed([16], forward));
        Assert.Empty(forward);
        Assert.Equal(1, matcher.Pending);
        Assert.False(matcher.Feed([(byte)'x'], forward));
        Assert.Equal([16, (byte)'x'], forward);
        Assert.Equal(0, matcher.Pending);
    }

    [Fact]
    public void RepeatedFirstKeyRestartsTheMatch()
    {
        var (detached, forwarded) = Feed(new DetachKeyMatcher([16, 17]), [16, 16, 17]);
        Assert.True(detached);
        Assert.Equal([16], forwarded);
    }

    [Fact]
    public void FlushReleasesAnIncompleteSequenceAtEndOfInput()
    {
        var matcher = new DetachKeyMatcher([1, (byte)'x', (byte)'y']);
        var forward = new List<byte>();
        Assert.False(matcher.Feed([(byte)'q', 1, (byte)'x'], forward));
        Assert.Equal([(byte)'q'], forward);
        matcher.Flush(forward);
        Assert.Equal([(byte)'q', 1, (byte)'x'], forward);
    }

    [Fact]
    public void EmptySequenceNeverDetaches()
    {
        var (detached, forwarded) = Feed(new DetachKeyMatcher([]), [16, 17]);
        Assert.False(detached);
        Assert.Equal([16, 17], forwarded);
    }

    [Fact]
    public void SingleKeySequenceDetachesOnThatKey()
    {
        var (detached, forwarded) = Feed(new DetachKeyMatcher([3]), [(byte)'a', 3]);
        Assert.True(detached);
        Assert.Equal([(byte)'a'], forwarded);
    }
}
