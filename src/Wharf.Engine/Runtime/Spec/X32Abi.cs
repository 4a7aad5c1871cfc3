using Wharf.Engine.Runtime.Native;

namespace Wharf.Engine.Runtime.Spec;

/// <summary>Whether the running x86-64 kernel accepts x32 system calls (CONFIG_X86_X32_ABI, off in most distribution kernels).</summary>
internal static class X32Abi
{
    private const long X32SyscallBit = 0x40000000;
    private const long GetPid = 39;

    private static readonly Lazy<bool> s_supported = new(Probe);

    /// <summary>True when an x32 <c>getpid</c> succeeds; without the ABI the kernel answers ENOSYS.</summary>
    public static bool Supported => s_supported.Value;

    private static bool Probe() =>
        System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64
        && LibC.syscall0(X32SyscallBit | GetPid) > 0;
}
