namespace Wharf.Core.Naming;

/// <summary>Generates Docker-style container names <c>adjective_surname</c> from Wharf's own word lists.</summary>
public sealed class NameGenerator
{
    private readonly Random _random;

    /// <summary>A generator using a shared thread-safe random source.</summary>
    public NameGenerator() : this(Random.Shared)
    {
    }

    /// <summary>A generator using <paramref name="random"/> (seed it for reproducible names in tests).</summary>
    public NameGenerator(Random random) => _random = random;

    /// <summary>The adjectives names start with.</summary>
    public static IReadOnlyList<string> Adjectives => NameWords.Adjectives;

    /// <summary>The surnames of notable scientists and engineers names end with.</summary>
    public static IReadOnlyList<string> Surnames => NameWords.Surnames;

    /// <summary>
    /// A random <c>adjective_surname</c>. When <paramref name="retry"/> is above zero (the previous name was taken),
    /// a random digit is appended as Docker does.
    /// </summary>
    public string Generate(int retry = 0)
    {
        while (true)
        {
            var adjective = NameWords.Adjectives[_random.Next(NameWords.Adjectives.Length)];
            var surname = NameWords.Surnames[_random.Next(NameWords.Surnames.Length)];
            // Steve Wozniak is not boring.
            if (adjective == "boring" && surname == "wozniak")
            {
                continue;
            }
            var name = adjective + "_" + surname;
            return retry > 0 ? name + _random.Next(10).ToString(System.Globalization.CultureInfo.InvariantCulture) : name;
        }
    }
}
