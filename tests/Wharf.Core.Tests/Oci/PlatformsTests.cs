using Wharf.Core.Digests;
using Wharf.Core.Errors;
using Wharf.Core.Oci;

namespace Wharf.Core.Tests.Oci;

public sealed class PlatformsTests
{
    [Theory]
    [InlineData("linux/amd64", "linux/amd64")]
    [InlineData("linux/x86_64", "linux/amd64")]
    [InlineData("Linux/X86-64", "linux/amd64")]
    [InlineData("linux/aarch64", "linux/arm64")]
    [InlineData("linux/arm64/v8", "linux/arm64/v8")]
    [InlineData("linux/arm64/8", "linux/arm64/v8")]
    [InlineData("linux/arm", "linux/arm")]
    [InlineData("linux/arm/v7", "linux/arm/v7")]
    [InlineData("linux/arm/6", "linux/arm/v6")]
    [InlineData("linux/armhf", "linux/arm")]
    [InlineData("linux/armel", "linux/arm/v6")]
    [InlineData("linux/i386", "linux/386")]
    [InlineData("windows/amd64", "windows/amd64")]
    [InlineData("macos/arm64", "darwin/arm64")]
    [InlineData("linux/s390x", "linux/s390x")]
    [InlineData("linux/riscv64", "linux/riscv64")]
    public void ParsesAndNormalises(string specifier, string expected) => Assert.Equal(expected, Platforms.Parse(specifier).ToString());

    [Fact]
    public void LoneComponentIsOsOrArchitecture()
    {
        var host = Platforms.Default;
        Assert.Equal("linux", host.Os);
        Assert.Equal("linux", Platforms.Parse("linux").Os);
        Assert.Equal(host.Architecture, Platforms.Parse("linux").Architecture);
        var arm = Platforms.Parse("arm64");
        Assert.Equal(("linux", "arm64"), (arm.Os, arm.Architecture));
        Assert.Equal("amd64", Platforms.Parse("x86_64").Architecture);
    }

    [Theory]
    [InlineData("")]
    [InlineData("linux/")]
    [InlineData("linux//amd64")]
    [InlineData("a/b/c/d")]
    [InlineData("linux/*")]
    [InlineData("nonsense")]
    [InlineData("linux/am d64")]
    public void RejectsBadSpecifiers(string specifier) => Assert.Throws<InvalidArgumentException>(() => Platforms.Parse(specifier));

    [Theory]
    [InlineData("linux/amd64", "linux/amd64", true)]
    [InlineData("linux/amd64", "linux/x86_64", true)]
    [InlineData("linux/amd64", "linux/arm64", false)]
    [InlineData("linux/amd64", "windows/amd64", false)]
    [InlineData("linux/arm64", "linux/arm64/v8", true)]
    [InlineData("linux/arm64/v8", "linux/arm64", true)]
    [InlineData("linux/arm/v7", "linux/arm/v6", true)]
    [InlineData("linux/arm/v6", "linux/arm/v7", false)]
    [InlineData("linux/arm/v7", "linux/arm/v5", true)]
    public void MatchesCompatiblePlatforms(string wanted, string candidate, bool expected) =>
        Assert.Equal(expected, Platforms.Matches(Platforms.Parse(wanted), Platforms.Parse(candidate)));

    [Fact]
    public void SelectsTheBestManifestOfAnIndex()
    {
        Descriptor Manifest(string? platform, byte tag) => new()
        {
            MediaType = MediaTypes.OciManifest,
            Digest = Digest.Sha256([tag]),
            Size = 1,
            Platform = platform is null ? null : Platforms.Parse(platform),
        };
        var amd64 = Manifest("linux/amd64", 1);
        var arm64 = Manifest("linux/arm64/v8", 2);
        var armV6 = Manifest("linux/arm/v6", 3);
        var armV7 = Manifest("linux/arm/v7", 4);
        var attestation = Manifest(null, 5);
        attestation.Platform = new Platform { Os = "unknown", Architecture = "unknown" };
        var noPlatform = Manifest(null, 6);
        Descriptor[] index = [noPlatform, attestation, armV6, amd64, arm64, armV7];

        Assert.Same(amd64, Platforms.SelectManifest(index, Platforms.Parse("linux/amd64")));
        Assert.Same(arm64, Platforms.SelectManifest(index, Platforms.Parse("linux/arm64")));
        Assert.Same(armV7, Platforms.SelectManifest(index, Platforms.Parse("linux/arm/v7")));
        Assert.Same(armV6, Platforms.SelectManifest([armV6, amd64], Platforms.Parse("linux/arm/v7")));
        Assert.Null(Platforms.SelectManifest(index, Platforms.Parse("linux/s390x")));
        Assert.Null(Platforms.SelectManifest([armV7], Platforms.Parse("linux/arm/v6")));
    }
}
