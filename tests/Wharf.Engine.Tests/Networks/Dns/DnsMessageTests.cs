using System.Net;
using Wharf.Engine.Networks.Dns;

namespace Wharf.Engine.Tests.Networks.Dns;

public sealed class DnsMessageTests
{
    // dig +nocookie example.com A: RD and AD set, an EDNS OPT advertising 4096 bytes.
    private static readonly byte[] DigQuery =
    [
        0x1a, 0x2b, 0x01, 0x20, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
        0x07, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e', 0x03, (byte)'c', (byte)'o', (byte)'m', 0x00,
        0x00, 0x01, 0x00, 0x01,
        0x00, 0x00, 0x29, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    ];

    // A recursive answer for www.example.com: CNAME to example.com, then its A record, both with compressed names.
    private static readonly byte[] CnameResponse =
    [
        0x1a, 0x2b, 0x81, 0x80, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00,
        0x03, (byte)'w', (byte)'w', (byte)'w', 0x07, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e',
        0x03, (byte)'c', (byte)'o', (byte)'m', 0x00, 0x00, 0x01, 0x00, 0x01,
        0xc0, 0x0c, 0x00, 0x05, 0x00, 0x01, 0x00, 0x00, 0x0e, 0x10, 0x00, 0x02, 0xc0, 0x10,
        0xc0, 0x10, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x0e, 0x10, 0x00, 0x04, 0x5d, 0xb8, 0xd8, 0x22,
    ];

    [Fact]
    public void ParsesADigQueryWithEdns()
    {
        var message = DnsMessage.Parse(DigQuery);
        Assert.Equal(0x1a2b, message.Header.Id);
        Assert.False(message.Header.IsResponse);
        Assert.True(message.Header.RecursionDesired);
        Assert.True(message.Header.AuthenticData);
        Assert.Equal(0, message.Header.Opcode);
        var question = Assert.Single(message.Questions);
        Assert.Equal(new DnsQuestion("example.com", DnsRecordType.A), question);
        var opt = Assert.IsType<DnsResourceRecord>(message.Opt);
        Assert.Equal("", opt.Name);
        Assert.Equal(4096, message.MaxUdpPayload);
    }

    [Fact]
    public void WritesTheSameBytesItRead()
    {
        Assert.Equal(DigQuery, DnsMessage.Parse(DigQuery).ToBytes());
        Assert.Equal(CnameResponse, DnsMessage.Parse(CnameResponse).ToBytes());
    }

    [Fact]
    public void FollowsCompressionPointersInNamesAndData()
    {
        var message = DnsMessage.Parse(CnameResponse);
        Assert.True(message.Header.IsResponse);
        Assert.True(message.Header.RecursionAvailable);
        Assert.Equal(DnsResponseCode.NoError, message.Header.ResponseCode);
        Assert.Equal(2, message.Answers.Count);
        Assert.Equal("www.example.com", message.Answers[0].Name);
        Assert.Equal(DnsRecordType.CNAME, message.Answers[0].Type);
        Assert.Equal("example.com", message.Answers[0].Target);
        Assert.Equal(3600u, message.Answers[0].Ttl);
        Assert.Equal("example.com", message.Answers[1].Name);
        Assert.Equal(IPAddress.Parse("93.184.216.34"), message.Answers[1].Address);
    }

    [Fact]
    public void RoundTripsAaaaPtrAndSrv()
    {
        var message = new DnsMessage
        {
            Header = new DnsHeader { Id = 7, IsResponse = true, Authoritative = true, ResponseCode = DnsResponseCode.NoError },
            Questions = [new DnsQuestion("_http._tcp.web", DnsRecordType.SRV)],
            Answers =
            [
                new DnsResourceRecord { Name = "_http._tcp.web", Type = DnsRecordType.SRV, Ttl = 60, Srv = new DnsSrvData(1, 2, 8080, "web.mynet") },
                DnsResourceRecord.ForAddress("web.mynet", IPAddress.Parse("fd00::5"), 60),
                new DnsResourceRecord { Name = "5.0.18.172.in-addr.arpa", Type = DnsRecordType.PTR, Ttl = 60, Target = "web.mynet" },
                new DnsResourceRecord { Name = "web", Type = DnsRecordType.TXT, Ttl = 5, RawData = new byte[] { 2, (byte)'h', (byte)'i' } },
            ],
        };
        var parsed = DnsMessage.Parse(message.ToBytes());
        Assert.Equal(message.Header, parsed.Header);
        Assert.Equal(new DnsSrvData(1, 2, 8080, "web.mynet"), parsed.Answers[0].Srv);
        Assert.Equal(IPAddress.Parse("fd00::5"), parsed.Answers[1].Address);
        Assert.Equal(DnsRecordType.AAAA, parsed.Answers[1].Type);
        Assert.Equal("web.mynet", parsed.Answers[2].Target);
        Assert.Equal(new byte[] { 2, (byte)'h', (byte)'i' }, parsed.Answers[3].RawData.ToArray());
    }

    [Fact]
    public void CompressesRepeatedNames()
    {
        var answers = Enumerable.Range(1, 10).Select(i => DnsResourceRecord.ForAddress("db.example.test", IPAddress.Parse($"10.0.0.{i}"), 600)).ToList();
        var bytes = new DnsMessage
        {
            Header = new DnsHeader { IsResponse = true },
            Questions = [new DnsQuestion("db.example.test", DnsRecordType.A)],
            Answers = answers,
        }.ToBytes();
        // 12 header + 17 question name + 4 + 10 × (2 pointer + 10 fixed + 4 address)
        Assert.Equal(12 + 17 + 4 + (10 * 16), bytes.Length);
        Assert.Equal(10, DnsMessage.Parse(bytes).Answers.Count);
    }

    [Fact]
    public void TruncatesToTheLimitWithTheTcBit()
    {
        var message = new DnsMessage
        {
            Header = new DnsHeader { Id = 9, IsResponse = true },
            Questions = [new DnsQuestion("many", DnsRecordType.A)],
            Answers = Enumerable.Range(1, 100).Select(i => DnsResourceRecord.ForAddress("many", IPAddress.Parse($"10.0.1.{i}"), 600)).ToList(),
        };
        var full = message.ToBytes();
        Assert.True(full.Length > DnsMessage.ClassicUdpSize);
        var truncated = DnsMessage.Parse(message.ToBytes(DnsMessage.ClassicUdpSize));
        Assert.True(truncated.Header.Truncated);
        Assert.Empty(truncated.Answers);
        Assert.Equal("many", Assert.Single(truncated.Questions).Name);
    }

    [Theory]
    [InlineData(new byte[] { 0xc0, 0x0c, 0x00, 0x01, 0x00, 0x01 })] // points at itself
    [InlineData(new byte[] { 0xc0, 0x0e, 0x00, 0x01, 0x00, 0x01 })] // points forward
    [InlineData(new byte[] { 0x01, (byte)'a', 0xc0, 0x0c, 0x00, 0x01, 0x00, 0x01 })] // a label, then back to its own start: a loop
    [InlineData(new byte[] { 0x05, (byte)'a', (byte)'b' })] // label runs past the end
    [InlineData(new byte[] { 0x01, (byte)'a', 0x00, 0x00 })] // question cut short
    [InlineData(new byte[] { 0x41, (byte)'a', 0x00, 0x00, 0x01, 0x00, 0x01 })] // reserved label type
    public void RejectsMalformedNames(byte[] question)
    {
        byte[] header = [0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
        Assert.Throws<DnsFormatException>(() => DnsMessage.Parse([.. header, .. question]));
    }

    [Fact]
    public void RejectsANameLongerThan255Octets()
    {
        var labels = string.Join('.', Enumerable.Repeat(new string('a', 63), 4));
        Assert.Throws<DnsFormatException>(() => new DnsMessage { Header = new DnsHeader(), Questions = [new DnsQuestion(labels, DnsRecordType.A)] }.ToBytes());
        Assert.Throws<DnsFormatException>(() => new DnsMessage { Header = new DnsHeader(), Questions = [new DnsQuestion(new string('a', 64), DnsRecordType.A)] }.ToBytes());
        var wire = new List<byte> { 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 };
        for (var i = 0; i < 5; i++)
        {
            wire.Add(60);
            wire.AddRange(Enumerable.Repeat((byte)'b', 60));
        }
        wire.AddRange([0x00, 0x00, 0x01, 0x00, 0x01]);
        Assert.Throws<DnsFormatException>(() => DnsMessage.Parse(wire.ToArray()));
    }

    [Fact]
    public void RejectsAnAddressRecordOfTheWrongLength()
    {
        byte[] message =
        [
            0x00, 0x01, 0x81, 0x80, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00,
            0x01, (byte)'a', 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x3c, 0x00, 0x03, 0x01, 0x02, 0x03,
        ];
        Assert.Throws<DnsFormatException>(() => DnsMessage.Parse(message));
    }

    [Fact]
    public void KeepsEscapedCharactersInLabels()
    {
        byte[] message =
        [
            0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x03, (byte)'a', (byte)'.', (byte)'b', 0x01, 0x07, 0x00, 0x00, 0x01, 0x00, 0x01,
        ];
        var parsed = DnsMessage.Parse(message);
        Assert.Equal("a\\.b.\\007", parsed.Questions[0].Name);
        Assert.Equal(message, parsed.ToBytes());
    }
}
