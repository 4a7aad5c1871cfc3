using System.Net;
using Wharf.Engine.Networks.Dns;

namespace Wharf.Engine.Tests.Networks.Dns;

public sealed class DnsRecordTableTests
{
    private static readonly IPAddress Web = IPAddress.Parse("172.30.0.2");
    private static readonly IPAddress Db = IPAddress.Parse("172.30.0.3");
    private static readonly IPAddress WebOnBack = IPAddress.Parse("172.31.0.2");
    private static readonly IPAddress Cache = IPAddress.Parse("172.31.0.3");

    private static DnsRecordTable Table()
    {
        var table = new DnsRecordTable();
        table.EnableNetwork("front", "frontnet");
        table.EnableNetwork("back", "backnet");
        table.Set("front", "web-id", ["web", "webid123456"], Web, null);
        table.Set("front", "db-id", ["db", "database", "dbid12345678"], Db, IPAddress.Parse("fd00::3"));
        table.Set("back", "web-id", ["web", "webid123456"], WebOnBack, null);
        table.Set("back", "cache-id", ["Cache", "redis"], Cache, null);
        return table;
    }

    private static IReadOnlyList<IPAddress?> Addresses(DnsLookupResult result) => result.Answers.Select(a => a.Address).ToList();

    [Fact]
    public void ResolvesNamesAliasesAndShortIdsCaseInsensitively()
    {
        var table = Table();
        Assert.Equal([Db], Addresses(table.Lookup("front", Web, new DnsQuestion("db", DnsRecordType.A), [])));
        Assert.Equal([Db], Addresses(table.Lookup("front", Web, new DnsQuestion("DATABASE.", DnsRecordType.A), [])));
        Assert.Equal([Db], Addresses(table.Lookup("front", Web, new DnsQuestion("dbid12345678", DnsRecordType.A), [])));
        Assert.Equal([IPAddress.Parse("fd00::3")], Addresses(table.Lookup("front", Web, new DnsQuestion("db", DnsRecordType.AAAA), [])));
        var answer = table.Lookup("front", Web, new DnsQuestion("DataBase", DnsRecordType.A), []).Answers[0];
        Assert.Equal("DataBase", answer.Name);
        Assert.Equal(DnsRecordTable.Ttl, answer.Ttl);
    }

    [Fact]
    public void AKnownNameWithoutThatTypeIsAnEmptyAnswerNotAForward()
    {
        var result = Table().Lookup("front", Db, new DnsQuestion("web", DnsRecordType.AAAA), []);
        Assert.True(result.Known);
        Assert.Empty(result.Answers);
        Assert.True(Table().Lookup("front", Db, new DnsQuestion("web", DnsRecordType.MX), []).Known);
    }

    [Fact]
    public void SeesEveryNetworkOfTheAskingContainerAndNoOther()
    {
        var table = Table();
        // web is on both networks: from its front address it reaches cache on back.
        Assert.Equal([Cache], Addresses(table.Lookup("front", Web, new DnsQuestion("redis", DnsRecordType.A), [])));
        // db is only on front: cache stays unknown and is forwarded.
        Assert.False(table.Lookup("front", Db, new DnsQuestion("cache", DnsRecordType.A), []).Known);
        // A sender that is no container: only the arrival network.
        Assert.False(table.Lookup("front", IPAddress.Parse("172.30.0.99"), new DnsQuestion("cache", DnsRecordType.A), []).Known);
        Assert.True(table.Lookup("front", IPAddress.Parse("172.30.0.99"), new DnsQuestion("db", DnsRecordType.A), []).Known);
        // The arrival network's records win: web asked on back gets its back address.
        Assert.Equal([WebOnBack], Addresses(table.Lookup("back", Cache, new DnsQuestion("web", DnsRecordType.A), [])));
    }

    [Fact]
    public void AcceptsNetworkAndSearchDomainSuffixes()
    {
        var table = Table();
        Assert.Equal([Db], Addresses(table.Lookup("front", Web, new DnsQuestion("db.frontnet", DnsRecordType.A), [])));
        Assert.Equal([Cache], Addresses(table.Lookup("front", Web, new DnsQuestion("cache.backnet", DnsRecordType.A), [])));
        Assert.False(table.Lookup("front", Web, new DnsQuestion("db.backnet", DnsRecordType.A), []).Known);
        Assert.Equal([Db], Addresses(table.Lookup("front", Web, new DnsQuestion("db.corp.example", DnsRecordType.A), ["corp.example"])));
        Assert.False(table.Lookup("front", Web, new DnsQuestion("db.other.example", DnsRecordType.A), ["corp.example"]).Known);
        Assert.False(table.Lookup("front", Web, new DnsQuestion("db.com", DnsRecordType.A), []).Known);
    }

    [Fact]
    public void AnswersPointerQueriesForContainerAddresses()
    {
        var table = Table();
        var result = table.Lookup("front", Web, new DnsQuestion("3.0.30.172.in-addr.arpa", DnsRecordType.PTR), []);
        Assert.Equal("db.frontnet", Assert.Single(result.Answers).Target);
        var v6 = table.Lookup("front", Web, new DnsQuestion(
            "3.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.d.f.ip6.arpa", DnsRecordType.PTR), []);
        Assert.Equal("db.frontnet", Assert.Single(v6.Answers).Target);
        Assert.False(table.Lookup("front", Web, new DnsQuestion("9.9.9.9.in-addr.arpa", DnsRecordType.PTR), []).Known);
        Assert.Null(DnsRecordTable.ParseReverseName("1.2.3.in-addr.arpa"));
        Assert.Equal(IPAddress.Parse("10.1.2.3"), DnsRecordTable.ParseReverseName("3.2.1.10.in-addr.arpa."));
    }

    [Fact]
    public void SharedAliasesReturnEveryAddress()
    {
        var table = Table();
        table.Set("front", "db2-id", ["db2", "database"], IPAddress.Parse("172.30.0.4"), null);
        var answers = Addresses(table.Lookup("front", Web, new DnsQuestion("database", DnsRecordType.A), []));
        Assert.Equal(2, answers.Count);
        Assert.Contains(Db, answers);
        Assert.Contains(IPAddress.Parse("172.30.0.4"), answers);
    }

    [Fact]
    public void RemovedRecordsAndNetworksNoLongerResolve()
    {
        var table = Table();
        table.Remove("front", "db-id");
        Assert.False(table.Lookup("front", Web, new DnsQuestion("db", DnsRecordType.A), []).Known);
        table.DisableNetwork("back");
        Assert.False(table.Lookup("front", Web, new DnsQuestion("redis", DnsRecordType.A), []).Known);
        Assert.False(table.Lookup("back", Cache, new DnsQuestion("web", DnsRecordType.A), []).Known);
        Assert.Empty(table.Entries("back"));
    }

    [Fact]
    public void LinkAliasesResolveOnlyForTheLinkingContainer()
    {
        var table = Table();
        table.SetLinks("web-id", new Dictionary<string, string> { ["sql"] = "db" });
        Assert.Equal([Db], Addresses(table.Lookup("front", Web, new DnsQuestion("SQL", DnsRecordType.A), [])));
        Assert.False(table.Lookup("front", Db, new DnsQuestion("sql", DnsRecordType.A), []).Known);
        table.SetLinks("web-id", new Dictionary<string, string>());
        Assert.False(table.Lookup("front", Web, new DnsQuestion("sql", DnsRecordType.A), []).Known);
    }

    [Fact]
    public void OtherClassesAreNotLocal() =>
        Assert.False(Table().Lookup("front", Web, new DnsQuestion("db", DnsRecordType.A, 3), []).Known);

    [Fact]
    public void ExternalServersBelongToTheAskingContainerUntilItsLastRecordGoes()
    {
        var table = Table();
        table.SetExternalServers("web-id", [IPAddress.Parse("127.53.0.1")]);
        Assert.Equal([IPAddress.Parse("127.53.0.1")], table.ExternalServersFor("front", Web));
        Assert.Equal([IPAddress.Parse("127.53.0.1")], table.ExternalServersFor("back", WebOnBack));
        Assert.Null(table.ExternalServersFor("front", Db));
        table.Remove("front", "web-id");
        Assert.NotNull(table.ExternalServersFor("back", WebOnBack));
        table.Remove("back", "web-id");
        table.Set("back", "web-id", ["web"], WebOnBack, null);
        Assert.Null(table.ExternalServersFor("back", WebOnBack));
    }
}
