// Select rule: run the structure node on its own first, then everything else.
//
// While `structure` is a candidate (it has not run yet, failed and will be retried, or its input
// changed), this iteration runs structure alone; once it is done, the next iteration runs every
// other candidate in the engine's order. Useful to see the shape of the book (length, chapters,
// parts) before paying for the slower analyses, and, with a stop rule such as
//   "stop": "Scores.TryGetValue(\"structure\", out var s) && s < 0.3"
// to stop there when the structure is far off.
//
// Use it in a pipeline (the path is relative to the pipeline file):
//   "rules": { "select": "rules/structure-first.csx" }
const string first = "structure";

if (Candidates.Any(c => c.Node == first)) return new[] { first };
return Candidates.Select(c => c.Node);
