namespace Wharf.Cli.Commands;

/// <summary>A management command such as <c>container</c> or <c>image</c>: a name and its subcommands.</summary>
internal sealed class CommandGroup(string name, string description)
{
    private readonly List<(string Name, string[] Aliases, Command Command)> _entries = [];

    /// <summary>The group's name.</summary>
    public string Name { get; } = name;

    /// <summary>The one-line description shown in help.</summary>
    public string Description { get; } = description;

    /// <summary>The subcommands in registration order.</summary>
    public IReadOnlyList<(string Name, string[] Aliases, Command Command)> Entries => _entries;

    /// <summary>Registers <paramref name="command"/> under <paramref name="name"/> and its aliases.</summary>
    public CommandGroup Add(Command command, string? name = null, params string[] aliases)
    {
        _entries.Add((name ?? command.Name, aliases, command));
        return this;
    }

    /// <summary>Finds a subcommand by name or alias; returns the canonical name.</summary>
    public (string Name, Command Command)? Find(string word)
    {
        foreach (var entry in _entries)
        {
            if (entry.Name == word || entry.Aliases.Contains(word))
            {
                return (entry.Name, entry.Command);
            }
        }
        return null;
    }
}
