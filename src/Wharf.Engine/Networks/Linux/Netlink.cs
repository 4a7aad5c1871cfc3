using System.Buffers.Binary;
using System.Text;

namespace Wharf.Engine.Networks.Linux;

/// <summary>
/// A route netlink socket (in the namespace it was opened in) with the few requests container networking needs: veth
/// pairs, link state, addresses, default routes, link deletion. Each request waits for the kernel's acknowledgement,
/// so errors surface with their errno, exactly as from <c>ip</c>, without spawning it.
/// </summary>
internal sealed class Netlink : IDisposable
{
    private const ushort RtmNewLink = 16;
    private const ushort RtmDelLink = 17;
    private const ushort RtmGetLink = 18;
    private const ushort RtmNewAddr = 20;
    private const ushort RtmNewRoute = 24;
    private const ushort NlmsgError = 2;
    private const ushort FlagRequest = 1;
    private const ushort FlagAck = 4;
    private const ushort FlagReplace = 0x100;
    private const ushort FlagExcl = 0x200;
    private const ushort FlagCreate = 0x400;
    private const ushort IflaAddress = 1;
    private const ushort IflaIfname = 3;
    private const ushort IflaMtu = 4;
    private const ushort IflaMaster = 10;
    private const ushort IflaLinkinfo = 18;
    private const ushort IflaNetNsFd = 28;
    private const ushort IflaInfoKind = 1;
    private const ushort IflaInfoData = 2;
    private const ushort VethInfoPeer = 1;
    private const ushort IfaAddress = 1;
    private const ushort IfaLocal = 2;
    private const ushort IfaBroadcast = 4;
    private const ushort RtaOif = 4;
    private const ushort RtaGateway = 5;
    private const uint IffUp = 1;
    private const byte AfInet = 2;

    private readonly int _fd;
    private uint _sequence;

    /// <summary>Opens a socket in the calling thread's network namespace.</summary>
    public Netlink()
    {
        _fd = NetlinkNative.socket(NetlinkNative.AfNetlink, NetlinkNative.SockRaw | NetlinkNative.SockCloexec, NetlinkNative.NetlinkRoute);
        if (_fd < 0)
        {
            throw NetlinkNative.Error("socket(AF_NETLINK)");
        }
    }

    /// <summary>
    /// Creates a veth pair: <paramref name="hostName"/> here, up and enslaved to <paramref name="masterIndex"/>, and
    /// <paramref name="peerName"/> with <paramref name="peerMac"/> in the namespace of <paramref name="namespaceFd"/>.
    /// </summary>
    public void CreateVeth(string hostName, int masterIndex, int mtu, string peerName, string peerMac, int namespaceFd)
    {
        var m = new Message(RtmNewLink, FlagCreate | FlagExcl);
        m.IfInfo(0, IffUp, IffUp);
        m.String(IflaIfname, hostName);
        m.U32(IflaMtu, (uint)mtu);
        m.U32(IflaMaster, (uint)masterIndex);
        var linkInfo = m.Begin(IflaLinkinfo);
        m.String(IflaInfoKind, "veth", terminate: false);
        var data = m.Begin(IflaInfoData);
        var peer = m.Begin(VethInfoPeer);
        m.IfInfo(0, 0, 0);
        m.String(IflaIfname, peerName);
        m.U32(IflaMtu, (uint)mtu);
        m.Bytes(IflaAddress, ParseMac(peerMac));
        m.U32(IflaNetNsFd, (uint)namespaceFd);
        m.End(peer);
        m.End(data);
        m.End(linkInfo);
        Execute(m, $"create veth {hostName}");
    }

    /// <summary>Deletes a link by name; false when it does not exist.</summary>
    public bool DeleteLink(string name)
    {
        var m = new Message(RtmDelLink, 0);
        m.IfInfo(0, 0, 0);
        m.String(IflaIfname, name);
        var error = Execute(m, $"delete link {name}", allow: 19 /* ENODEV */);
        return error == 0;
    }

    /// <summary>The index of the link named <paramref name="name"/>.</summary>
    public int IndexOf(string name)
    {
        var m = new Message(RtmGetLink, 0);
        m.IfInfo(0, 0, 0);
        m.String(IflaIfname, name);
        var index = 0;
        Execute(m, $"find link {name}", reply: payload => index = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(4)));
        return index;
    }

    /// <summary>Brings a link up.</summary>
    public void SetUp(int index)
    {
        var m = new Message(RtmNewLink, 0);
        m.IfInfo(index, IffUp, IffUp);
        Execute(m, $"set link {index} up");
    }

    /// <summary>Adds an IPv4 address with its prefix (and the subnet's broadcast address).</summary>
    public void AddAddress(int index, uint address, int prefixLength)
    {
        var m = new Message(RtmNewAddr, FlagCreate | FlagExcl);
        m.Raw([AfInet, (byte)prefixLength, 0, 0]);
        m.RawU32((uint)index);
        m.Bytes(IfaLocal, Ipv4(address));
        m.Bytes(IfaAddress, Ipv4(address));
        if (prefixLength < 31)
        {
            m.Bytes(IfaBroadcast, Ipv4(address | ~Ipam.Ipv4Subnet.MaskOf(prefixLength)));
        }
        Execute(m, $"add address {Ipam.Ipv4Address.Format(address)}/{prefixLength}");
    }

    /// <summary>Sets the default route via <paramref name="gateway"/> on the link.</summary>
    public void ReplaceDefaultRoute(int index, uint gateway)
    {
        var m = new Message(RtmNewRoute, FlagCreate | FlagReplace);
        // family, dst_len, src_len, tos, table main, protocol boot, scope universe, type unicast; flags.
        m.Raw([AfInet, 0, 0, 0, 254, 3, 0, 1]);
        m.RawU32(0);
        m.Bytes(RtaGateway, Ipv4(gateway));
        m.U32(RtaOif, (uint)index);
        Execute(m, $"add default route via {Ipam.Ipv4Address.Format(gateway)}");
    }

    /// <inheritdoc />
    public void Dispose() => NetlinkNative.close(_fd);

    private unsafe int Execute(Message message, string what, int allow = 0, Action<byte[]>? reply = null)
    {
        var sequence = ++_sequence;
        var bytes = message.Finish(sequence);
        fixed (byte* p = bytes)
        {
            if (NetlinkNative.send(_fd, p, bytes.Length, 0) < 0)
            {
                throw NetlinkNative.Error("netlink send", what);
            }
        }
        var buffer = new byte[16384];
        while (true)
        {
            nint received;
            fixed (byte* p = buffer)
            {
                received = NetlinkNative.recv(_fd, p, buffer.Length, 0);
            }
            if (received < 0)
            {
                throw NetlinkNative.Error("netlink recv", what);
            }
            var offset = 0;
            while (offset + 16 <= received)
            {
                var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset));
                var type = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(offset + 4));
                var seq = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset + 8));
                if (length < 16 || offset + length > received)
                {
                    break;
                }
                if (seq == sequence)
                {
                    if (type == NlmsgError)
                    {
                        var error = -BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(offset + 16));
                        if (error == 0 || error == allow)
                        {
                            return error;
                        }
                        throw new NetworkHostException($"{what}: {System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(error)} (errno {error})");
                    }
                    reply?.Invoke(buffer.AsSpan(offset + 16, length - 16).ToArray());
                }
                offset += (length + 3) & ~3;
            }
        }
    }

    private static byte[] Ipv4(uint address)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, address);
        return bytes;
    }

    private static byte[] ParseMac(string mac) =>
        mac.Split(':').Select(part => Convert.ToByte(part, 16)).ToArray() is { Length: 6 } bytes
            ? bytes
            : throw new NetworkHostException($"invalid MAC address {mac}");

    /// <summary>A request being built: header (filled at the end), fixed part, attributes (nested ones patched on close).</summary>
    private sealed class Message(ushort type, ushort flags)
    {
        private readonly List<byte> _body = [];

        public void IfInfo(int index, uint flagsValue, uint change)
        {
            Raw([0, 0, 0, 0]);
            RawU32((uint)index);
            RawU32(flagsValue);
            RawU32(change);
        }

        public void Raw(byte[] bytes) => _body.AddRange(bytes);

        public void RawU32(uint value)
        {
            var bytes = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
            _body.AddRange(bytes);
        }

        public void String(ushort attribute, string value, bool terminate = true)
        {
            var bytes = Encoding.ASCII.GetBytes(value);
            Bytes(attribute, terminate ? [.. bytes, 0] : bytes);
        }

        public void U32(ushort attribute, uint value)
        {
            var bytes = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
            Bytes(attribute, bytes);
        }

        public void Bytes(ushort attribute, byte[] value)
        {
            Header(attribute, 4 + value.Length);
            _body.AddRange(value);
            Pad();
        }

        public int Begin(ushort attribute)
        {
            var start = _body.Count;
            Header(attribute, 0);
            return start;
        }

        public void End(int start)
        {
            var length = (ushort)(_body.Count - start);
            _body[start] = (byte)length;
            _body[start + 1] = (byte)(length >> 8);
        }

        public byte[] Finish(uint sequence)
        {
            var bytes = new byte[16 + _body.Count];
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)bytes.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4), type);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(6), (ushort)(flags | FlagRequest | FlagAck));
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), sequence);
            _body.CopyTo(bytes, 16);
            return bytes;
        }

        private void Header(ushort attribute, int length)
        {
            _body.Add((byte)length);
            _body.Add((byte)(length >> 8));
            _body.Add((byte)attribute);
            _body.Add((byte)(attribute >> 8));
        }

        private void Pad()
        {
            while (_body.Count % 4 != 0)
            {
                _body.Add(0);
            }
        }
    }
}
