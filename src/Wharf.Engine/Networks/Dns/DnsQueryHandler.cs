using System.Net;

namespace Wharf.Engine.Networks.Dns;

/// <summary>
/// Turns one query into one response: container names from the <see cref="DnsRecordTable"/>, everything else forwarded
/// upstream unless the sender is only on internal networks (SERVFAIL then, and when no upstream answers; NXDOMAIN when
/// there is no upstream at all). Malformed queries get FORMERR, other opcodes NOTIMP; responses are never sent back for responses.
/// </summary>
public sealed class DnsQueryHandler(DnsRecordTable table, DnsForwarder forwarder, EmbeddedDnsOptions options, Func<IPAddress, bool> isOwnAddress)
{
    /// <summary>The response bytes, or null when nothing should be sent.</summary>
    public async Task<byte[]?> HandleAsync(ReadOnlyMemory<byte> query, string networkId, IPAddress source, bool tcp, CancellationToken ct)
    {
        var header = DnsMessageReader.TryReadHeader(query.Span);
        if (header is null || header.IsResponse)
        {
            return null;
        }
        DnsMessage request;
        try
        {
            request = DnsMessage.Parse(query.Span);
        }
        catch (DnsFormatException)
        {
            return Reply(header, [], DnsResponseCode.FormatError).ToBytes();
        }
        var limit = tcp ? ushort.MaxValue : Math.Min(request.MaxUdpPayload, (int)options.UdpPayloadSize);
        if (header.Opcode != 0)
        {
            return Reply(header, request.Questions, DnsResponseCode.NotImplemented).ToBytes(limit);
        }
        if (request.Questions.Count != 1)
        {
            return Reply(header, request.Questions, DnsResponseCode.FormatError).ToBytes(limit);
        }
        var question = request.Questions[0];
        var local = table.Lookup(networkId, source, question, forwarder.HostConfig.Search);
        if (local.Known)
        {
            var reply = Reply(header, request.Questions, DnsResponseCode.NoError);
            var response = reply with
            {
                Header = reply.Header with { Authoritative = true },
                Answers = local.Answers,
                Additionals = request.Opt is null ? [] : [DnsResourceRecord.Opt(options.UdpPayloadSize)],
            };
            return response.ToBytes(limit);
        }
        if (!table.MayForward(networkId, source))
        {
            // Only on internal networks: nothing leaves the host for it, so external names fail as with Docker.
            return Reply(header, request.Questions, DnsResponseCode.ServerFailure).ToBytes(limit);
        }
        var upstreams = table.ExternalServersFor(networkId, source) is { } external
            ? forwarder.Upstreams(external, isOwnAddress)
            : forwarder.Upstreams(isOwnAddress);
        if (upstreams.Count == 0)
        {
            return Reply(header, request.Questions, DnsResponseCode.NameError).ToBytes(limit);
        }
        var answer = await forwarder.ForwardAsync(query, upstreams, tcp, ct).ConfigureAwait(false);
        if (answer is null)
        {
            return Reply(header, request.Questions, DnsResponseCode.ServerFailure).ToBytes(limit);
        }
        // An upstream may answer larger than this client accepts over UDP: hand it back truncated so it retries over TCP.
        if (!tcp && answer.Length > limit)
        {
            return Truncated(header, request.Questions);
        }
        return answer;
    }

    private static byte[] Truncated(DnsHeader header, IReadOnlyList<DnsQuestion> questions)
    {
        var reply = Reply(header, questions, DnsResponseCode.NoError);
        return (reply with { Header = reply.Header with { Truncated = true } }).ToBytes();
    }

    private static DnsMessage Reply(DnsHeader query, IReadOnlyList<DnsQuestion> questions, DnsResponseCode code) => new()
    {
        Header = new DnsHeader
        {
            Id = query.Id,
            IsResponse = true,
            Opcode = query.Opcode,
            RecursionDesired = query.RecursionDesired,
            RecursionAvailable = true,
            CheckingDisabled = query.CheckingDisabled,
            ResponseCode = code,
        },
        Questions = questions,
    };
}
