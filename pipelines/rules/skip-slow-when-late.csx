// Select rule: once more than half of the session's time budget (settings.sessionTimeout) is
// spent, leave out the candidates whose latest run took 30 seconds or more; before that, run
// every candidate.
//
// A node that has not run yet is kept (nothing says it is slow). A left-out node still runs when
// a node that is kept depends on it: the engine adds the dependencies a chosen node needs. When
// every candidate is left out, the session stops with the reason NothingToRun.
//
// Use it in a pipeline (the path is relative to the pipeline file):
//   "rules": { "select": "rules/skip-slow-when-late.csx" }
// and change `slow` below to suit your machine and manuscripts.
var slow = TimeSpan.FromSeconds(30);
var late = Elapsed > Settings.SessionTimeout / 2;

return Candidates
    .Where(c => !late || !(Nodes.TryGetValue(c.Node, out var node) && node.Duration >= slow))
    .Select(c => c.Node);
