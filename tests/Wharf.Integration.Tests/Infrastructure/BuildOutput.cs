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
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Wharf.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("cannot find Wharf.sln above " + AppContext.BaseDirectory);
    }
}
