# Sourced by the server and cluster benchmarks (from the repository root): sets `cli`, the command that runs
# `orchestrator` (ORCHESTRATOR_BIN: an already built executable or orchestrator.dll; else a Release build made here),
# and `free_port`, which prints a free loopback port.
if [ -z "${ORCHESTRATOR_BIN:-}" ]; then
  dotnet build tools/Orchestrator.Cli -c Release -v q -nologo >/dev/null
  cli=("$PWD/tools/Orchestrator.Cli/bin/Release/net10.0/orchestrator")
elif [[ "$ORCHESTRATOR_BIN" == *.dll ]]; then
  cli=(dotnet "$ORCHESTRATOR_BIN")
else
  cli=("$ORCHESTRATOR_BIN")
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
