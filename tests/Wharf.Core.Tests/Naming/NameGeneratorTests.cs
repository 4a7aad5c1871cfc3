using Wharf.Core.Errors;
using Wharf.Core.Naming;

namespace Wharf.Core.Tests.Naming;

public sealed class NameGeneratorTests
{
    [Fact]
    public void GeneratesValidAdjectiveSurnameNames()
    {
        var generator = new NameGenerator(new Random(1));
        var seen = new HashSet<string>();
        for (var i = 0; i < 5000; i++)
        {
            var name = generator.Generate();
            var parts = name.Split('_');
            Assert.Equal(2, parts.Length);
            Assert.Contains(parts[0], NameGenerator.Adjectives);
            Assert.Contains(parts[1], NameGenerator.Surnames);
            Assert.True(ContainerNames.IsValid(name), name);
            Assert.NotEqual("boring_wozniak", name);
            seen.Add(name);
        }
        Assert.True(seen.Count > 4000, $"only {seen.Count} distinct names");
    }

    [Fact]
    public void NeverGeneratesBoringWozniak()
    {
        // A random source that always picks "boring" then "wozniak" first, then moves on.
        var boring = NameGenerator.Adjectives.ToList().IndexOf("boring");
        var wozniak = NameGenerator.Surnames.ToList().IndexOf("wozniak");
        Assert.True(boring >= 0 && wozniak >= 0);
        var generator = new NameGenerator(new ScriptedRandom([boring, wozniak, boring, 0]));
        Assert.Equal("boring_" + NameGenerator.Surnames[0], generator.Generate());
    }

    [Fact]
    public void RetryAppendsADigit()
    {
        var name = new NameGenerator(new Random(7)).Generate(retry: 1);
        Assert.Matches(@"^[a-z]+_[a-z]+[0-9]$", name);
        Assert.True(ContainerNames.IsValid(name));
    }

    [Fact]
    public void ListsAreLargeDistinctAndLowercase()
    {
        Assert.True(NameGenerator.Adjectives.Count >= 100);
        Assert.True(NameGenerator.Surnames.Count >= 200);
        Assert.Equal(NameGenerator.Adjectives.Count, NameGenerator.Adjectives.Distinct().Count());
        Assert.Equal(NameGenerator.Surnames.Count, NameGenerator.Surnames.Distinct().Count());
        Assert.All(NameGenerator.Adjectives.Concat(NameGenerator.Surnames), w => Assert.Matches("^[a-z]+$", w));
    }

    [Theory]
    [InlineData("ab", true)]
    [InlineData("/ab", true)]
    [InlineData("my-container_1.2", true)]
    [InlineData("A1", true)]
    [InlineData("0.x", true)]
    [InlineData("a", false)]
    [InlineData("/a", false)]
    [InlineData("", false)]
    [InlineData("_ab", false)]
    [InlineData(".ab", false)]
    [InlineData("-ab", false)]
    [InlineData("//ab", false)]
    [InlineData("a b", false)]
    [InlineData("a/b", false)]
    [InlineData("ab\n", false)]
    [InlineData("näme", false)]
    public void ValidatesContainerNames(string name, bool valid)
    {
        Assert.Equal(valid, ContainerNames.IsValid(name));
        if (valid)
        {
            ContainerNames.Validate(name);
        }
        else
        {
            var error = Assert.Throws<InvalidArgumentException>(() => ContainerNames.Validate(name));
            Assert.Equal($"Invalid container name ({name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed", error.Message);
        }
    }

    [Fact]
    public void TrimsTheLeadingSlash()
    {
        Assert.Equal("web", ContainerNames.TrimSlash("/web"));
        Assert.Equal("web", ContainerNames.TrimSlash("web"));
    }

    private sealed class ScriptedRandom(int[] values) : Random
    {
        private int _next;

        public override int Next(int maxValue) => values[_next++] % maxValue;
    }
}
