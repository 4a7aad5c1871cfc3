using Wharf.Api.Client;
using Wharf.Api.Streams;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary>One prune request of a <see cref="PruneCommand"/> (containers, images, networks or volumes) and what it removed.</summary>
internal delegate Task<PruneReport> PruneCall(WharfClient client, Filters filters, ParsedFlags flags, CancellationToken ct);
