using Wharf.Core.Ids;

namespace Wharf.Core.Tests.Ids;

public sealed class StringIdsTests
{
    [Fact]
    public void NewIdsAreFullDistinctAndNeverNumericWhenShort()
    {
        var ids = Enumerable.Range(0, 2000).Select(_ => StringIds.NewId()).ToList();
        Assert.All(ids, id =>
        {
            Assert.True(StringIds.IsFullId(id));
            Assert.False(StringIds.Truncate(id).All(char.IsAsciiDigit));
        });
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "0123456789ab")]
    [InlineData("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "0123456789ab")]
    [InlineData("abc", "abc")]
    [InlineData("", "")]
    public void Truncates(string id, string expected) => Assert.Equal(expected, StringIds.Truncate(id));

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true, true)]
    [InlineData("0123456789ab", false, true)]
    [InlineData("a", false, true)]
    [InlineData("", false, false)]
    [InlineData(null, false, false)]
    [InlineData("0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef", false, false)]
    [InlineData("web", false, false)]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0", false, false)]
    public void ClassifiesIds(string? value, bool full, bool prefix)
    {
        Assert.Equal(full, StringIds.IsFullId(value));
        Assert.Equal(prefix, StringIds.IsIdPrefix(value));
    }
}
