namespace Orchestrator.Manuscripts.Characters;

/// <summary>One piece of evidence for who the narrator is: a self-naming (weight <see cref="NarratorFinder.SelfNamingWeight"/>)
/// or an address in conversation (weight 1) of the name with variant root <paramref name="Root"/>.</summary>
internal readonly record struct NarratorVote(int Root, int Weight, int Word, int Chapter, Mention Mention);
