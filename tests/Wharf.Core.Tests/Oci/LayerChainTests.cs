using System.Security.Cryptography;
using System.Text;
using Wharf.Core.Digests;
using Wharf.Core.Oci;

namespace Wharf.Core.Tests.Oci;

public sealed class LayerChainTests
{
    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void ChainIdsFollowTheImageSpec()
    {
        var l0 = Digest.Sha256(Encoding.ASCII.GetBytes("layer 0"));
        var l1 = Digest.Sha256(Encoding.ASCII.GetBytes("layer 1"));
        var l2 = Digest.Sha256(Encoding.ASCII.GetBytes("layer 2"));

        // Computed independently: plain strings and SHA256.HashData.
        var c1 = "sha256:" + Sha256Hex($"sha256:{l0.Hex} sha256:{l1.Hex}");
        var c2 = "sha256:" + Sha256Hex($"{c1} sha256:{l2.Hex}");

        var chain = LayerChain.ChainIds([l0, l1, l2]);
        Assert.Equal([l0.ToString(), c1, c2], chain.Select(d => d.ToString()));
        Assert.Equal(c2, LayerChain.ChainId([l0, l1, l2])?.ToString());
        Assert.Equal(chain, LayerChain.ChainIds([l0.ToString(), l1.ToString(), l2.ToString()]));
    }

    [Fact]
    public void KnownValueFromTheSpec()
    {
        // OCI image-spec config.md example: two busybox-era diff IDs.
        var a = Digest.Parse("sha256:c6f988f4874bb0add23a778f753c65efe992244e148a1d2ec2a8b664fb66bbd1");
        var b = Digest.Parse("sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef");
        var expected = "sha256:" + Sha256Hex(a + " " + b);
        Assert.Equal(expected, LayerChain.Next(a, b).ToString());
    }

    [Fact]
    public void EmptyStackHasNoChainId()
    {
        Assert.Empty(LayerChain.ChainIds(Array.Empty<Digest>()));
        Assert.Null(LayerChain.ChainId([]));
    }

    [Fact]
    public void SingleLayerChainIdIsItsDiffId()
    {
        var l0 = Digest.Sha256(Encoding.ASCII.GetBytes("only"));
        Assert.Equal(l0, LayerChain.ChainId([l0]));
    }
}
