using Wharf.Core.Errors;
using Wharf.Core.References;

namespace Wharf.Core.Tests.References;

public sealed class FamiliarMatchTests
{
    [Theory]
    [InlineData("foo", "foo/**/ba[rz]", false)]
    [InlineData("foo/any/bat", "foo/**/ba[rz]", false)]
    [InlineData("foo/a/bar", "foo/**/ba[rz]", true)]
    [InlineData("foo/b/baz", "foo/**/ba[rz]", true)]
    [InlineData("foo/c/baz:tag", "foo/**/ba[rz]", true)]
    [InlineData("foo/c/baz:tag", "foo/*/baz:tag", true)]
    [InlineData("foo/c/baz:tag", "foo/c/baz:tag", true)]
    [InlineData("example.com/foo/c/baz:tag", "*/foo/c/baz", true)]
    [InlineData("example.com/foo/c/baz:tag", "example.com/foo/c/baz", true)]
    [InlineData("busybox:latest", "busybox", true)]
    [InlineData("busybox:latest", "busy*", true)]
    [InlineData("busybox:latest", "busybox:lat*", true)]
    [InlineData("busybox:latest", "busybox:1*", false)]
    [InlineData("busybox:latest", "docker.io/library/busybox", false)]
    [InlineData("busybox:latest", "*", true)]
    [InlineData("user/app:1", "*", false)]
    [InlineData("user/app:1", "*/*", true)]
    [InlineData("user/app:1", "user/app:?", true)]
    [InlineData("user/app:1", "user/app:[^0-9]", false)]
    [InlineData("user/app:1", "user/app:[0-9]", true)]
    [InlineData("user/app:1", "user?app", false)]
    [InlineData("user/app:1", "user/\\app", true)]
    public void MatchesLikeDocker(string reference, string pattern, bool expected) =>
        Assert.Equal(expected, ImageReference.Parse(reference).FamiliarMatch(pattern));

    [Theory]
    [InlineData("[")]
    [InlineData("[]")]
    [InlineData("[a")]
    [InlineData("[a-")]
    [InlineData("[-x]")]
    [InlineData("abc\\")]
    public void RejectsMalformedPatterns(string pattern)
    {
        var error = Assert.Throws<InvalidArgumentException>(() => ImageReference.Parse("foo").FamiliarMatch(pattern));
        Assert.Equal("syntax error in pattern", error.Message);
    }

    [Theory]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    [InlineData("*c", "abcabc", true)]
    [InlineData("a*", "ab/c", false)]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    [InlineData("[\\]]", "]", true)]
    [InlineData("[a-c]x", "bx", true)]
    public void PathPatternFollowsGoRules(string pattern, string name, bool expected) =>
        Assert.Equal(expected, PathPattern.IsMatch(pattern, name));

    [Theory]
    [InlineData("busybox", "docker.io/library/busybox:latest")]
    [InlineData("busybox:latest", "docker.io/library/busybox:latest")]
    [InlineData("busybox@sha256:e6693c20186f837fc393390135d8a598a96a833917917789d63766cab6c59582", "docker.io/library/busybox@sha256:e6693c20186f837fc393390135d8a598a96a833917917789d63766cab6c59582")]
    [InlineData("library/busybox", "docker.io/library/busybox:latest")]
    [InlineData("gcr.io/library/busybox", "gcr.io/library/busybox:latest")]
    [InlineData("gcr.io/library/busybox:latest@sha256:e6693c20186f837fc393390135d8a598a96a833917917789d63766cab6c59582", "gcr.io/library/busybox@sha256:e6693c20186f837fc393390135d8a598a96a833917917789d63766cab6c59582")]
    public void ToDockerRefKeepsDigestOrAddsLatest(string input, string expected) =>
        Assert.Equal(expected, ImageReference.Parse(input).ToDockerRef().ToString());
}
