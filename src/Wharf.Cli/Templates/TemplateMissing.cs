namespace Wharf.Cli.Templates;

/// <summary>The value of a map key that does not exist; printed as Go does, <c>&lt;no value&gt;</c>.</summary>
internal sealed class TemplateMissing
{
    /// <summary>The only instance.</summary>
    public static TemplateMissing Value { get; } = new();

    private TemplateMissing()
    {
    }

    /// <inheritdoc/>
    public override string ToString() => "<no value>";
}
