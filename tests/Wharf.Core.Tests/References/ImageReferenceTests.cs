using Wharf.Core.Errors;
using Wharf.Core.References;

namespace Wharf.Core.Tests.References;

public sealed class ImageReferenceTests
{
    private const string Sha = "sha256:7cc4b5aefd1d0cadf8d97d4350462ba51c694ebca145b08d7d41b41acc8db5aa";

    [Theory]
    // input, full form, domain, path, tag, digest, familiar string
    [InlineData("busybox", "docker.io/library/busybox", "docker.io", "library/busybox", null, null, "busybox")]
    [InlineData("busybox:latest", "docker.io/library/busybox:latest", "docker.io", "library/busybox", "latest", null, "busybox:latest")]
    [InlineData("busybox:1.36.1-musl", "docker.io/library/busybox:1.36.1-musl", "docker.io", "library/busybox", "1.36.1-musl", null, "busybox:1.36.1-musl")]
    [InlineData("user/app", "docker.io/user/app", "docker.io", "user/app", null, null, "user/app")]
    [InlineData("user/app:v1", "docker.io/user/app:v1", "docker.io", "user/app", "v1", null, "user/app:v1")]
    [InlineData("docker.io/busybox", "docker.io/library/busybox", "docker.io", "library/busybox", null, null, "busybox")]
    [InlineData("docker.io/library/busybox", "docker.io/library/busybox", "docker.io", "library/busybox", null, null, "busybox")]
    [InlineData("index.docker.io/busybox", "docker.io/library/busybox", "docker.io", "library/busybox", null, null, "busybox")]
    [InlineData("index.docker.io/user/app:1", "docker.io/user/app:1", "docker.io", "user/app", "1", null, "user/app:1")]
    [InlineData("docker.io/library/a/b", "docker.io/library/a/b", "docker.io", "library/a/b", null, null, "library/a/b")]
    [InlineData("localhost/app", "localhost/app", "localhost", "app", null, null, "localhost/app")]
    [InlineData("localhost:5000/a/b:1", "localhost:5000/a/b:1", "localhost:5000", "a/b", "1", null, "localhost:5000/a/b:1")]
    [InlineData("host.example/x", "host.example/x", "host.example", "x", null, null, "host.example/x")]
    [InlineData("registry.example.com:443/team/project/app:2.0", "registry.example.com:443/team/project/app:2.0", "registry.example.com:443", "team/project/app", "2.0", null, "registry.example.com:443/team/project/app:2.0")]
    [InlineData("127.0.0.1:5000/x", "127.0.0.1:5000/x", "127.0.0.1:5000", "x", null, null, "127.0.0.1:5000/x")]
    [InlineData("[::1]:5000/x:t", "[::1]:5000/x:t", "[::1]:5000", "x", "t", null, "[::1]:5000/x:t")]
    [InlineData("[2001:db8::1]/x", "[2001:db8::1]/x", "[2001:db8::1]", "x", null, null, "[2001:db8::1]/x")]
    [InlineData("Foo.Example/bar", "Foo.Example/bar", "Foo.Example", "bar", null, null, "Foo.Example/bar")]
    [InlineData("UPPER/bar", "UPPER/bar", "UPPER", "bar", null, null, "UPPER/bar")]
    [InlineData("a__b/c-d--e/f.g_h:T_1.x-Y", "docker.io/a__b/c-d--e/f.g_h:T_1.x-Y", "docker.io", "a__b/c-d--e/f.g_h", "T_1.x-Y", null, "a__b/c-d--e/f.g_h:T_1.x-Y")]
    [InlineData("busybox@" + Sha, "docker.io/library/busybox@" + Sha, "docker.io", "library/busybox", null, Sha, "busybox@" + Sha)]
    [InlineData("busybox:1@" + Sha, "docker.io/library/busybox:1@" + Sha, "docker.io", "library/busybox", "1", Sha, "busybox:1@" + Sha)]
    [InlineData("localhost:5000/x@" + Sha, "localhost:5000/x@" + Sha, "localhost:5000", "x", null, Sha, "localhost:5000/x@" + Sha)]
    public void ParsesAndNormalises(string input, string full, string domain, string path, string? tag, string? digest, string familiar)
    {
        var reference = ImageReference.Parse(input);
        Assert.Equal(full, reference.ToString());
        Assert.Equal(domain, reference.Domain);
        Assert.Equal(path, reference.Path);
        Assert.Equal(domain + "/" + path, reference.Name);
        Assert.Equal(tag, reference.Tag);
        Assert.Equal(digest, reference.Digest?.ToString());
        Assert.Equal(familiar, reference.FamiliarString());
        // Normalised output parses back to itself.
        Assert.Equal(reference, ImageReference.Parse(reference.ToString()));
        Assert.Equal(reference, ImageReference.Parse(reference.FamiliarString()));
    }

    [Theory]
    [InlineData("busybox", "docker.io/library/busybox:latest", "busybox:latest")]
    [InlineData("user/app", "docker.io/user/app:latest", "user/app:latest")]
    [InlineData("localhost:5000/a/b", "localhost:5000/a/b:latest", "localhost:5000/a/b:latest")]
    [InlineData("busybox:1", "docker.io/library/busybox:1", "busybox:1")]
    [InlineData("busybox@" + Sha, "docker.io/library/busybox@" + Sha, "busybox@" + Sha)]
    public void DefaultTagOnlyWhenNameOnly(string input, string full, string familiar)
    {
        var reference = ImageReference.Parse(input).WithDefaultTag();
        Assert.Equal(full, reference.ToString());
        Assert.Equal(familiar, reference.FamiliarString());
    }

    [Theory]
    [InlineData("", "invalid reference format")]
    [InlineData(":", "invalid reference format")]
    [InlineData("/", "invalid reference format")]
    [InlineData("busybox:", "invalid reference format")]
    [InlineData("busybox@", "invalid reference format")]
    [InlineData("busybox:tag with space", "invalid reference format")]
    [InlineData("busybox:.tag", "invalid reference format")]
    [InlineData("busybox:-tag", "invalid reference format")]
    [InlineData("-busybox", "invalid reference format")]
    [InlineData("busybox-", "invalid reference format")]
    [InlineData("_busybox", "invalid reference format")]
    [InlineData("a___b", "invalid reference format")]
    [InlineData("a..b", "invalid reference format")]
    [InlineData("a//b", "invalid reference format")]
    [InlineData("a/", "invalid reference format")]
    [InlineData("busy!box", "invalid reference format")]
    [InlineData("busybox\n", "invalid reference format")]
    [InlineData("bü", "invalid reference format")]
    [InlineData("busybox:täg", "invalid reference format")]
    [InlineData("-host.example/x", "invalid reference format")]
    [InlineData("host.example:port/x", "invalid reference format")]
    [InlineData("[::1/x", "invalid reference format")]
    [InlineData("busybox@sha256:abc", "invalid reference format")]
    [InlineData("busybox@sha256", "invalid reference format")]
    [InlineData("Busybox", "invalid reference format: repository name (library/Busybox) must be lowercase")]
    [InlineData("Busybox:latest", "invalid reference format: repository name (library/Busybox) must be lowercase")]
    [InlineData("user/App", "invalid reference format: repository name (user/App) must be lowercase")]
    [InlineData("localhost:5000/App", "invalid reference format: repository name (App) must be lowercase")]
    [InlineData("docker.io/Foo/bar", "invalid reference format: repository name (Foo/bar) must be lowercase")]
    [InlineData("7cc4b5aefd1d0cadf8d97d4350462ba51c694ebca145b08d7d41b41acc8db5aa",
        "invalid repository name (7cc4b5aefd1d0cadf8d97d4350462ba51c694ebca145b08d7d41b41acc8db5aa), cannot specify 64-byte hexadecimal strings")]
    [InlineData("busybox@md5:0123456789abcdef0123456789abcdef", "unsupported digest algorithm")]
    [InlineData("busybox@sha256:0123456789abcdef0123456789abcdef", "invalid checksum digest length")]
    [InlineData("busybox@sha256:7CC4B5AEFD1D0CADF8D97D4350462BA51C694EBCA145B08D7D41B41ACC8DB5AA", "invalid checksum digest format")]
    public void RejectsWithDockersWording(string input, string message)
    {
        var error = Assert.Throws<InvalidArgumentException>(() => ImageReference.Parse(input));
        Assert.Equal(message, error.Message);
        Assert.False(ImageReference.TryParse(input, out var reference));
        Assert.Null(reference);
    }

    [Theory]
    [InlineData("docker/docker")]
    [InlineData("library/debian")]
    [InlineData("debian")]
    [InlineData("docker.io/docker/docker")]
    [InlineData("index.docker.io/debian")]
    [InlineData("127.0.0.1:5000/library/debian")]
    [InlineData("192.168.0.1")]
    [InlineData("192.168.0.1:80")]
    [InlineData("192.168.0.1:8/debian")]
    [InlineData("thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev")]
    [InlineData("[fc00::1]:5000/docker")]
    [InlineData("[fc00:1:2:3:4:5:6:7]:5000/library/debian")]
    [InlineData("docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a")]
    [InlineData("Docker/docker")]
    [InlineData("DOCKER/docker")]
    [InlineData("docker---rules/docker")]
    [InlineData("d/docker")]
    [InlineData("jess/t")]
    [InlineData("dock__er/docker")]
    [InlineData("test_com/foo")]
    [InlineData("test-com:8080/foo")]
    [InlineData("xn--n3h.com:18080/foo")]
    public void AcceptsDistributionsValidNames(string name) => Assert.True(ImageReference.TryParse(name, out _), name);

    [Theory]
    [InlineData("https://github.com/docker/docker")]
    [InlineData("docker/Docker")]
    [InlineData("-docker")]
    [InlineData("-docker/docker")]
    [InlineData("-docker.io/docker/docker")]
    [InlineData("docker///docker")]
    [InlineData("docker.io/docker/Docker")]
    [InlineData("docker.io/docker///docker")]
    [InlineData("[fc00::1]")]
    [InlineData("[fc00::1]:5000")]
    [InlineData("fc00::1:5000/debian")]
    [InlineData("[fe80::1%eth0]:5000/debian")]
    [InlineData("[2001:db8:3:4::192.0.2.33]:5000/debian")]
    [InlineData("docker-/docker")]
    [InlineData("-docker-/docker")]
    [InlineData("____/____")]
    [InlineData("_docker/_docker")]
    [InlineData("dock..er/docker")]
    [InlineData("dock_.er/docker")]
    [InlineData("dock-.er/docker")]
    [InlineData("docker/")]
    public void RejectsDistributionsInvalidNames(string name) => Assert.False(ImageReference.TryParse(name, out _), name);

    [Theory]
    [InlineData("Foo/bar", "Foo", "bar", "Foo/bar")]
    [InlineData("127.0.0.1:8000/privatebase", "127.0.0.1:8000", "privatebase", "127.0.0.1:8000/privatebase")]
    [InlineData("library/foo/bar", "docker.io", "library/foo/bar", "library/foo/bar")]
    [InlineData("store/foo/bar", "docker.io", "store/foo/bar", "store/foo/bar")]
    [InlineData("other/library", "docker.io", "other/library", "other/library")]
    [InlineData("index.docker.io/library/ubuntu-12.04-base", "docker.io", "library/ubuntu-12.04-base", "ubuntu-12.04-base")]
    public void SplitsDomainAndPathLikeDistribution(string input, string domain, string path, string familiar)
    {
        var reference = ImageReference.Parse(input);
        Assert.Equal((domain, path, familiar), (reference.Domain, reference.Path, reference.FamiliarName));
    }

    [Fact]
    public void RejectsTooLongPath()
    {
        var ok = "a/" + new string('b', 253);
        Assert.Equal(255, ImageReference.Parse(ok).Path.Length);
        var error = Assert.Throws<InvalidArgumentException>(() => ImageReference.Parse("a/" + new string('b', 254)));
        Assert.Equal("repository name must not be more than 255 characters", error.Message);
    }

    [Fact]
    public void TagMayBe128Characters()
    {
        Assert.Equal(128, ImageReference.Parse("busybox:" + new string('t', 128)).Tag!.Length);
        Assert.Throws<InvalidArgumentException>(() => ImageReference.Parse("busybox:" + new string('t', 129)));
    }

    [Fact]
    public void SixtyThreeHexCharactersIsAName()
    {
        var name = new string('a', 63);
        Assert.Equal("docker.io/library/" + name, ImageReference.Parse(name).ToString());
    }

    [Theory]
    [InlineData("busybox", null, "docker.io/library/busybox")]
    [InlineData("busybox", "", "docker.io/library/busybox")]
    [InlineData("busybox", "1.36", "docker.io/library/busybox:1.36")]
    [InlineData("busybox:old", "new", "docker.io/library/busybox:new")]
    [InlineData("localhost:5000/app", "v2", "localhost:5000/app:v2")]
    [InlineData("busybox", Sha, "docker.io/library/busybox@" + Sha)]
    [InlineData("busybox:1", Sha, "docker.io/library/busybox@" + Sha)]
    public void ParsesRepositoryAndTagPairs(string repository, string? tag, string expected)
    {
        Assert.Equal(expected, ImageReference.ParseRepository(repository, tag).ToString());
    }

    [Theory]
    [InlineData("busybox", "bad tag", "invalid tag format")]
    [InlineData("busybox", ".x", "invalid tag format")]
    [InlineData("Busybox", "1", "invalid reference format: repository name (library/Busybox) must be lowercase")]
    public void RejectsBadRepositoryAndTagPairs(string repository, string tag, string message)
    {
        var error = Assert.Throws<InvalidArgumentException>(() => ImageReference.ParseRepository(repository, tag));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void EqualityIsByValue()
    {
        Assert.Equal(ImageReference.Parse("busybox:latest"), ImageReference.Parse("docker.io/library/busybox:latest"));
        Assert.Equal(ImageReference.Parse("busybox:latest").GetHashCode(), ImageReference.Parse("index.docker.io/library/busybox:latest").GetHashCode());
        Assert.NotEqual(ImageReference.Parse("busybox:latest"), ImageReference.Parse("busybox"));
    }

    [Fact]
    public void FamiliarNameStripsOnlyDockerHub()
    {
        Assert.Equal("busybox", ImageReference.Parse("busybox:1").FamiliarName);
        Assert.Equal("user/app", ImageReference.Parse("user/app").FamiliarName);
        Assert.Equal("quay.io/library/app", ImageReference.Parse("quay.io/library/app").FamiliarName);
    }

    [Fact]
    public void WithTagKeepsDigestAndWithoutTagOrDigestDropsBoth()
    {
        var reference = ImageReference.Parse("busybox@" + Sha).WithTag("x");
        Assert.Equal("docker.io/library/busybox:x@" + Sha, reference.ToString());
        Assert.Equal("docker.io/library/busybox", reference.WithoutTagOrDigest().ToString());
        Assert.True(ImageReference.IsValidTag("v1.0_rc-2"));
        Assert.False(ImageReference.IsValidTag("-v1"));
        Assert.False(ImageReference.IsValidTag(null));
    }
}
