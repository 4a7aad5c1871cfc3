using Wharf.Core.Errors;
using Wharf.Engine.Runtime.Spec;

namespace Wharf.Engine.Tests.Runtime;

public sealed class SeccompProfilesTests
{
    private const string Profile = """
        {
          "defaultAction": "SCMP_ACT_ERRNO",
          "archMap": [
            { "architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86"] },
            { "architecture": "SCMP_ARCH_AARCH64", "subArchitectures": ["SCMP_ARCH_ARM"] }
          ],
          "syscalls": [
            { "names": ["read"], "action": "SCMP_ACT_ALLOW" },
            { "names": ["arch_prctl"], "action": "SCMP_ACT_ALLOW", "includes": { "arches": ["amd64"] } },
            { "names": ["mount"], "action": "SCMP_ACT_ALLOW", "includes": { "caps": ["CAP_SYS_ADMIN"] } },
            { "names": ["clone"], "action": "SCMP_ACT_ALLOW", "excludes": { "caps": ["CAP_SYS_ADMIN"] },
              "args": [{ "index": 0, "value": 2114060288, "valueTwo": 0, "op": "SCMP_CMP_MASKED_EQ" }] },
            { "names": ["ptrace"], "action": "SCMP_ACT_ALLOW", "includes": { "minKernel": "5.10" } }
          ]
        }
        """;

    private static HashSet<string> Names(OciSeccomp s) => s.Syscalls!.SelectMany(r => r.Names).ToHashSet();

    [Fact]
    public void ArchMapPicksTheNativeArchitectureAndItsSubArchitectures()
    {
        Assert.Equal(["SCMP_ARCH_X86_64", "SCMP_ARCH_X86"], SeccompProfiles.FromDockerJson(Profile, [], "amd64", new Version(6, 1)).Architectures);
        Assert.Equal(["SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM"], SeccompProfiles.FromDockerJson(Profile, [], "arm64", new Version(6, 1)).Architectures);
    }

    [Fact]
    public void IncludesAndExcludesFollowCapabilitiesArchAndKernel()
    {
        var plain = Names(SeccompProfiles.FromDockerJson(Profile, [], "amd64", new Version(5, 4)));
        Assert.Equal(["read", "arch_prctl", "clone"], plain.ToArray());
        var admin = Names(SeccompProfiles.FromDockerJson(Profile, ["CAP_SYS_ADMIN"], "arm64", new Version(6, 1)));
        Assert.Equal(["read", "mount", "ptrace"], admin.ToArray());
    }

    [Fact]
    public void ArgumentConditionsAreKept()
    {
        var clone = SeccompProfiles.FromDockerJson(Profile, [], "amd64", new Version(6, 1)).Syscalls!.Single(s => s.Names.Contains("clone"));
        var arg = Assert.Single(clone.Args!);
        Assert.Equal((0U, 2114060288UL, (ulong?)0UL, "SCMP_CMP_MASKED_EQ"), (arg.Index, arg.Value, arg.ValueTwo, arg.Op));
    }

    [Fact]
    public void MalformedProfilesAreRefusedWithDockersWording()
    {
        Assert.Throws<InvalidArgumentException>(() => SeccompProfiles.FromDockerJson("{not json", [], "amd64", new Version(6, 1)));
        var both = Assert.Throws<InvalidArgumentException>(() => SeccompProfiles.FromDockerJson(
            """{"defaultAction":"SCMP_ACT_ALLOW","architectures":["SCMP_ARCH_X86_64"],"archMap":[{"architecture":"SCMP_ARCH_X86_64"}]}""", [], "amd64", new Version(6, 1)));
        Assert.Contains("use either 'architectures' or 'archMap'", both.Message);
        var nameAndNames = Assert.Throws<InvalidArgumentException>(() => SeccompProfiles.FromDockerJson(
            """{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"name":"read","names":["write"],"action":"SCMP_ACT_ALLOW"}]}""", [], "amd64", new Version(6, 1)));
        Assert.Equal("use either 'name' or 'names'", nameAndNames.Message);
    }

    [Fact]
    public void DefaultProfileParsesForEveryArchitecture()
    {
        foreach (var arch in new[] { "amd64", "arm64", "s390x", "ppc64le", "riscv64" })
        {
            var s = SeccompProfiles.FromDockerJson(SeccompDefaultProfile.Json, Capabilities.Default, arch, new Version(6, 1));
            Assert.NotEmpty(s.Architectures!);
            Assert.Contains("write", Names(s));
        }
    }

    [Theory]
    [InlineData("6.1.0-13-amd64", 6, 1)]
    [InlineData("5.15.90.1-microsoft-standard-WSL2", 5, 15)]
    [InlineData("4.8", 4, 8)]
    public void KernelVersionParses(string release, int major, int minor) =>
        Assert.Equal(new Version(major, minor), SeccompProfiles.ParseKernelVersion(release));

    [Fact]
    public void X32IsDroppedOnlyWhenTheKernelLacksIt()
    {
        OciSeccomp Filter() => new() { DefaultAction = "SCMP_ACT_ERRNO", Architectures = ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"] };
        Assert.Equal(["SCMP_ARCH_X86_64", "SCMP_ARCH_X86"], SeccompProfiles.WithoutAbsentX32(Filter(), x32Supported: false).Architectures);
        Assert.Equal(["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"], SeccompProfiles.WithoutAbsentX32(Filter(), x32Supported: true).Architectures);
    }

    [Fact]
    public void TheDefaultProfileCoversX32ExactlyWhenThisKernelRunsX32Calls()
    {
        var architectures = SeccompProfiles.Default(["CAP_CHOWN"]).Architectures!;
        Assert.Contains("SCMP_ARCH_X86", architectures);
        Assert.Equal(X32Abi.Supported, architectures.Contains("SCMP_ARCH_X32"));
        // The probe agrees with the kernel's own configuration where the kernel publishes it.
        if (File.Exists("/proc/config.gz"))
        {
            using var config = new StreamReader(new System.IO.Compression.GZipStream(File.OpenRead("/proc/config.gz"), System.IO.Compression.CompressionMode.Decompress));
            Assert.Equal(config.ReadToEnd().Contains("CONFIG_X86_X32_ABI=y\n", StringComparison.Ordinal), X32Abi.Supported);
        }
    }
}
