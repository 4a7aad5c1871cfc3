using System.Text;
using Wharf.Core.Digests;
using Wharf.Core.Errors;

namespace Wharf.Core.Tests.Digests;

public sealed class DigestTests
{
    // Well-known hashes of "abc" (FIPS 180-2 test vectors).
    private const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private const string AbcSha512 = "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";
    private const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    [Theory]
    [InlineData("sha256:" + AbcSha256, "sha256", AbcSha256)]
    [InlineData("sha512:" + AbcSha512, "sha512", AbcSha512)]
    public void ParsesValidDigests(string text, string algorithm, string hex)
    {
        var digest = Digest.Parse(text);
        Assert.Equal(algorithm, digest.Algorithm);
        Assert.Equal(hex, digest.Hex);
        Assert.Equal(text, digest.ToString());
        Assert.Equal(hex[..12], digest.Short);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(AbcSha256)]
    [InlineData(":" + AbcSha256)]
    [InlineData("sha256:")]
    [InlineData("sha256:abc")]
    [InlineData("sha256:" + AbcSha256 + "0")]
    [InlineData("sha256:" + "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")]
    [InlineData("sha256:" + "zz7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("sha512:" + AbcSha256)]
    [InlineData("md5:0123456789abcdef0123456789abcdef")]
    [InlineData("SHA256:" + AbcSha256)]
    [InlineData(" sha256:" + AbcSha256)]
    public void RejectsInvalidDigests(string? text)
    {
        Assert.False(Digest.TryParse(text, out _));
        if (text is not null)
        {
            Assert.Throws<InvalidArgumentException>(() => Digest.Parse(text));
        }
    }

    [Fact]
    public void ComputesKnownVectors()
    {
        var abc = Encoding.ASCII.GetBytes("abc");
        Assert.Equal("sha256:" + AbcSha256, Digest.Sha256(abc).ToString());
        Assert.Equal("sha512:" + AbcSha512, Digest.Sha512(abc).ToString());
        Assert.Equal("sha256:" + EmptySha256, Digest.Sha256([]).ToString());
        Assert.Equal("sha256:" + AbcSha256, Digest.Compute(new MemoryStream(abc)).ToString());
        Assert.Equal("sha512:" + AbcSha512, Digest.Compute(new MemoryStream(abc), "sha512").ToString());
    }

    [Fact]
    public async Task ComputesLargeStreamsIncrementally()
    {
        var data = new byte[1_000_003];
        new Random(42).NextBytes(data);
        var expected = Digest.Sha256(data);
        Assert.Equal(expected, Digest.Compute(new MemoryStream(data)));
        Assert.Equal(expected, await Digest.ComputeAsync(new MemoryStream(data)));
        Assert.Equal(Digest.Sha512(data), await Digest.ComputeAsync(new MemoryStream(data), Digest.Sha512Algorithm));

        using var computer = new DigestComputer();
        for (var offset = 0; offset < data.Length; offset += 4099)
        {
            computer.Append(data.AsSpan(offset, Math.Min(4099, data.Length - offset)));
        }
        Assert.Equal(expected, computer.GetDigest());
        Assert.Equal(data.Length, computer.Length);
        Assert.True(expected.Matches(data));
        Assert.False(expected.Matches(data.AsSpan(1)));
    }

    [Fact]
    public void UnsupportedAlgorithmIsRefused()
    {
        Assert.Throws<InvalidArgumentException>(() => new DigestComputer("md5"));
        Assert.True(Digest.IsSupportedAlgorithm("sha512"));
        Assert.False(Digest.IsSupportedAlgorithm("sha384"));
    }

    [Fact]
    public void VerifierChecksDigestAndSize()
    {
        var data = Encoding.ASCII.GetBytes("hello world");
        var digest = Digest.Sha256(data);

        using (var ok = new DigestVerifier(digest, data.Length))
        {
            ok.Append(data.AsSpan(0, 5));
            Assert.False(ok.Verified);
            ok.Append(data.AsSpan(5));
            Assert.True(ok.Verified);
            ok.EnsureVerified();
        }
        using (var wrongSize = new DigestVerifier(digest, data.Length + 1))
        {
            wrongSize.Append(data);
            Assert.False(wrongSize.Verified);
            Assert.Contains("size mismatch", Assert.Throws<InvalidArgumentException>(wrongSize.EnsureVerified).Message);
        }
        using (var wrong = new DigestVerifier(digest))
        {
            wrong.Append(Encoding.ASCII.GetBytes("hello World"));
            Assert.False(wrong.Verified);
            Assert.Contains("digest mismatch", Assert.Throws<InvalidArgumentException>(wrong.EnsureVerified).Message);
        }
    }

    [Fact]
    public void EqualityIsByValue()
    {
        Assert.Equal(Digest.Parse("sha256:" + AbcSha256), Digest.Sha256(Encoding.ASCII.GetBytes("abc")));
        Assert.NotEqual(Digest.Parse("sha256:" + AbcSha256), Digest.Parse("sha256:" + EmptySha256));
    }
}
