using System.Runtime.InteropServices;

namespace Orchestrator.Engine.Files;

/// <summary>
/// What a path is before it is opened. Opening a FIFO for reading blocks until a writer comes, and a
/// device such as <c>/dev/zero</c> never ends: the engine reads only regular files, and must know
/// without opening. .NET does not expose the file type, so on Unix this asks the runtime's own
/// native library (<c>SystemNative_Stat</c>, whose status starts with two 32-bit fields, flags and
/// the <c>st_mode</c> bits); elsewhere, or when that is unavailable, files and folders are told apart
/// and every file counts as regular.
/// </summary>
public static class FileKinds
{
    private const int TypeMask = 0xF000;

    /// <summary>What <paramref name="path"/> is, following symbolic links.</summary>
    public static FileKind Of(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                var status = new byte[256];
                if (NativeMethods.Stat(path, status) != 0) return FileKind.Missing; // nothing there once links are followed
                return (BitConverter.ToInt32(status, 4) & TypeMask) switch
                {
                    0x8000 => FileKind.Regular,
                    0x4000 => FileKind.Directory,
                    0x1000 => FileKind.Fifo,
                    0x2000 => FileKind.CharacterDevice,
                    0x6000 => FileKind.BlockDevice,
                    0xC000 => FileKind.Socket,
                    _ => FileKind.Other,
                };
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return Fallback(path);
            }
        }
        return Fallback(path);
    }

    /// <summary>"a FIFO (named pipe)", "a directory"...: what a refusal says the path is.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a directory",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "not a regular file",
    };

    private static FileKind Fallback(string path) =>
        Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;

    private static class NativeMethods
    {
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", ExactSpelling = true)]
        public static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
    }
}
