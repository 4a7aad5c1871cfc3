using System.Text;
using Wharf.Api.Models;
using Wharf.Api.Streams;
using Wharf.Core.Errors;

namespace Wharf.Api.Tests.Streams;

public sealed class HeaderCodecTests
{
    [Fact]
    public void RegistryAuth_AnonymousIsE30()
    {
        Assert.Equal("e30=", RegistryAuthHeader.Encode(new AuthConfig()));
        var auth = RegistryAuthHeader.Decode("e30=");
        Assert.Null(auth.Username);
        Assert.Null(RegistryAuthHeader.Decode(null).Username);
    }

    [Fact]
    public void RegistryAuth_DecodesEitherAlphabetWithOrWithoutPadding()
    {
        // Chosen so the standard encoding contains '+' and '/' characters.
        var json = "{\"username\":\"u>>>\",\"password\":\"p???\",\"serveraddress\":\"r.example:5000\"}";
        var standard = Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
        Assert.True(standard.Contains('+') || standard.Contains('/'));
        var urlSafe = standard.Replace('+', '-').Replace('/', '_');
        foreach (var header in new[] { standard, urlSafe, standard.TrimEnd('='), urlSafe.TrimEnd('=') })
        {
            var auth = RegistryAuthHeader.Decode(header);
            Assert.Equal("u>>>", auth.Username);
            Assert.Equal("p???", auth.Password);
            Assert.Equal("r.example:5000", auth.ServerAddress);
        }
        Assert.Equal("u>>>", RegistryAuthHeader.Decode(RegistryAuthHeader.Encode(RegistryAuthHeader.Decode(standard))).Username);
    }

    [Theory]
    [InlineData("!!!!")]
    [InlineData("bm90IGpzb24=")]
    public void RegistryAuth_Malformed_IsInvalidArgument(string header) =>
        Assert.Throws<InvalidArgumentException>(() => RegistryAuthHeader.Decode(header));

    [Fact]
    public void PathStat_DirectoryModeIsGoFileMode()
    {
        var stat = new ContainerPathStat { Name = "etc", Size = 4096, Mode = GoFileMode.FromUnix(0x4000 | 0x1ED), Mtime = "2024-01-02T03:04:05Z" };
        Assert.Equal(2147484141u, stat.Mode);
        var header = ContainerPathStatHeader.Encode(stat);
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(header));
        Assert.Equal("{\"name\":\"etc\",\"size\":4096,\"mode\":2147484141,\"mtime\":\"2024-01-02T03:04:05Z\",\"linkTarget\":\"\"}", json);
        var back = ContainerPathStatHeader.Decode(header);
        Assert.True(GoFileMode.IsDir(back.Mode));
        Assert.Equal("etc", back.Name);
    }

    [Theory]
    [InlineData(0x81A4u, 0x1A4u)]                 // regular 0644
    [InlineData(0xA1FFu, (1u << 27) | 0x1FF)]     // symlink 0777
    [InlineData(0x2190u, (1u << 26) | (1u << 21) | 0x190)] // char device 0620
    [InlineData(0x61B0u, (1u << 26) | 0x1B0)]     // block device 0660
    [InlineData(0x11A4u, (1u << 25) | 0x1A4)]     // fifo
    [InlineData(0xC1EDu, (1u << 24) | 0x1ED)]     // socket
    [InlineData(0x89EDu, (1u << 23) | 0x1ED)]     // setuid 4755
    [InlineData(0x43FFu, (1u << 31) | (1u << 20) | 0x1FF)] // sticky dir 1777
    public void GoFileMode_ConvertsBothWays(uint unix, uint go)
    {
        Assert.Equal(go, GoFileMode.FromUnix(unix));
        Assert.Equal(unix, GoFileMode.ToUnix(go));
    }
}
