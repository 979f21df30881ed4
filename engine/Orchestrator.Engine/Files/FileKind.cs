namespace Orchestrator.Engine.Files;

/// <summary>What a path is, links followed (<see cref="FileKinds.Of"/>).</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}
