// Stop rule: stop after the second iteration, whatever the quality.
//
// Handy to try a pipeline quickly, or to cap a revising pipeline at one analysis and one
// revision. The report records the stop reason RuleStop ("... said stop after iteration 2").
//
// Use it in a pipeline (the path is relative to the pipeline file):
//   "rules": { "stop": "rules/stop-after-two.csx" }
// or inline, without a file:
//   "rules": { "stop": "Iteration >= 2" }
Iteration >= 2
