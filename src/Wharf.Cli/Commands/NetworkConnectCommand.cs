using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf network connect</c>: connects a container to a network.</summary>
internal sealed class NetworkConnectCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "connect";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] NETWORK CONTAINER";

    /// <inheritdoc/>
    public override string Description => "Connect a container to a network";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.Exactly(2);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .List("alias", null, "Add network-scoped alias for the container", valueType: "strings")
        .List("driver-opt", null, "driver options for the network", valueType: "strings")
        .String("ip", null, "IPv4 address (e.g., \"172.30.100.104\")")
        .String("ip6", null, "IPv6 address (e.g., \"2001:db8::33\")")
        .List("link", null, "Add link to another container", valueType: "list")
        .List("link-local-ip", null, "Add a link-local address for the container", valueType: "strings");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var flags = invocation.Flags;
        var client = await invocation.Context.GetClientAsync().ConfigureAwait(false);
        await client.ConnectNetworkAsync(invocation.Args[0], invocation.Args[1], flags.GetList("alias"), flags.GetStringOrNull("ip"), flags.GetStringOrNull("ip6"),
            invocation.Context.Cancellation).ConfigureAwait(false);
        return 0;
    }
}
