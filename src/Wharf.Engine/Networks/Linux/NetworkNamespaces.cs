using System.Runtime.ExceptionServices;

namespace Wharf.Engine.Networks.Linux;

/// <summary>
/// Network namespaces without helper processes: each operation runs on a short-lived dedicated thread that enters (or
/// creates) the namespace, does its work and returns to the daemon's namespace, so no pooled thread ever changes namespace.
/// </summary>
internal static class NetworkNamespaces
{
    /// <summary>Creates a new network namespace kept alive by a bind mount on <paramref name="path"/> (an existing empty file).</summary>
    public static void Create(string path) => OnDedicatedThread(() =>
    {
        EnterAndReturn(() =>
        {
            if (NetlinkNative.unshare(NetlinkNative.CloneNewNet) != 0)
            {
                throw NetlinkNative.Error("unshare(CLONE_NEWNET)");
            }
            var self = $"/proc/self/task/{NetlinkNative.gettid()}/ns/net";
            if (NetlinkNative.mount(self, path, null, NetlinkNative.MsBind, 0) != 0)
            {
                throw NetlinkNative.Error("mount --bind", path);
            }
        });
        return 0;
    });

    /// <summary>A route netlink socket living in the namespace of <paramref name="path"/> (usable from any thread).</summary>
    public static Netlink OpenNetlink(string path) => OnDedicatedThread(() =>
    {
        var target = NetlinkNative.open(path, NetlinkNative.ORdOnly | NetlinkNative.OCloexec);
        if (target < 0)
        {
            throw NetlinkNative.Error("open", path);
        }
        try
        {
            Netlink? socket = null;
            EnterAndReturn(() =>
            {
                if (NetlinkNative.setns(target, NetlinkNative.CloneNewNet) != 0)
                {
                    throw NetlinkNative.Error("setns", path);
                }
                socket = new Netlink();
            });
            return socket!;
        }
        finally
        {
            NetlinkNative.close(target);
        }
    });

    /// <summary>Runs <paramref name="work"/> (which may switch the thread's network namespace) and switches back to the original one.</summary>
    private static void EnterAndReturn(Action work)
    {
        var original = NetlinkNative.open($"/proc/self/task/{NetlinkNative.gettid()}/ns/net", NetlinkNative.ORdOnly | NetlinkNative.OCloexec);
        if (original < 0)
        {
            throw NetlinkNative.Error("open own namespace");
        }
        try
        {
            work();
        }
        finally
        {
            // A thread that cannot return simply ends here; it is never reused.
            NetlinkNative.setns(original, NetlinkNative.CloneNewNet);
            NetlinkNative.close(original);
        }
    }

    private static T OnDedicatedThread<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }, 256 * 1024)
        { IsBackground = true, Name = "wharf-netns" };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
