// Stop rule: stop when the manuscript is good enough, or when three iterations in a row have
// brought no gain at all.
//
//   good enough  Quality >= settings.qualityThreshold
//   no gain      the best quality of the last 3 iterations is not above the best before them
//
// Use it in a pipeline (the path is relative to the pipeline file):
//   "rules": { "stop": "rules/stop-when-good-enough.csx" }
//
// The engine stops on its own at the threshold, at maxIterations and on a plateau (a gain not
// above plateauEpsilon over plateauIterations iterations); this rule is the same idea written out,
// with a patience of its own, and a starting point for stricter or looser variants.
const int patience = 3;

if (Quality >= Settings.QualityThreshold) return true;
if (QualityHistory.Count <= patience) return false;

var recent = QualityHistory.Skip(QualityHistory.Count - patience).Max();
var before = QualityHistory.Take(QualityHistory.Count - patience).Max();
return recent <= before;
