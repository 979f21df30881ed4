// Stop rule: stop after the first iteration when the text is a sample rather than a book: under
// 5,000 words, or under a tenth of the target length given with --target-length.
//
// A chapter or a short story sent for a quick look gains little from further iterations; a whole
// draft goes on until the engine's own stop conditions (threshold, plateau, maxIterations).
//
// Use it in a pipeline (the path is relative to the pipeline file):
//   "rules": { "stop": "rules/one-pass-for-samples.csx" }
const int sampleWords = 5_000;

var target = Requirements.TargetLength ?? 0;
// A stop rule runs after each iteration, so true here ends the run after the first one.
return Manuscript.Words < sampleWords || Manuscript.Words * 10L < target;
