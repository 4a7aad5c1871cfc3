namespace Wharf.Integration.Tests.Infrastructure;

/// <summary>Where `make build` left the binaries under test (out/wharf, out/wharfd) and the repository's scripts.</summary>
public static class BuildOutput
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string OutDirectory { get; } =
        Environment.GetEnvironmentVariable("WHARF_OUT") is { Length: > 0 } o ? o : Path.Combine(RepositoryRoot, "out");

    public static string Wharf => Require(Path.Combine(OutDirectory, "wharf"));

    public static string Wharfd => Require(Path.Combine(OutDirectory, "wharfd"));

    public const string DockerCli = "/usr/local/bin/docker";

    private static string Require(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: run `make build` first", path);

    private static string FindRepositoryRoot()
    {
        var root = typeof(BuildOutput).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        return root is not null && File.Exists(Path.Combine(root, "Wharf.sln"))
            ? root.TrimEnd('/')
            : throw new DirectoryNotFoundException("cannot find the checkout (Wharf.sln) the tests were built from");
    }
}
