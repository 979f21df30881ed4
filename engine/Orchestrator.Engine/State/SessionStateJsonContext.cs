using System.Text.Json.Serialization;

namespace Orchestrator.Engine.State;

/// <summary>
/// Serialization code for the state, its events, the lease and the session index generated at compile time: a cold run
/// then neither reflects over these types nor emits accessors for them (which ReadyToRun cannot precompile). Bound at run time to
/// <see cref="SessionStateJson"/>'s options, so names, converters and escaping are theirs; types not listed here fall
/// back to reflection in the JIT build, and cannot be written by the native build of the command.
/// </summary>
[JsonSerializable(typeof(SessionState))]
[JsonSerializable(typeof(SessionEvent))]
[JsonSerializable(typeof(LeaseInfo))]
[JsonSerializable(typeof(SessionIndex.Line))]
[JsonSerializable(typeof(SessionStore.SummaryFields))]
internal sealed partial class SessionStateJsonContext : JsonSerializerContext;
