// Package regex parses JavaScript regular expressions and detects the
// patterns that make a backtracking matcher (V8's Irregexp, the engine of
// Node.js) take exponential time: the analysis behind the
// event-loop/redos rule.
//
// # Parsing
//
// Parse is a recursive-descent parser for the ECMAScript 2025 pattern
// grammar: alternation, capturing, non-capturing and named groups, the
// (?ims-ims:...) modifiers, lookahead and lookbehind, greedy and lazy
// quantifiers, character classes (with the v flag's nested classes, &&, --
// and \q{...}), the character and class escapes including \p{...} with the
// u and v flags, backreferences \1 and \k<name>, '.', ^ and $. Without the u
// and v flags it accepts the Annex B extensions engines implement: a '{'
// that does not start a quantifier, a lone ']' or '}', \8, legacy octal
// escapes, identity escapes, [\d-z], quantified lookaheads. It returns a
// *SyntaxError for every malformed pattern the engines reject (including
// a{2,1}, which V8 rejects with or without u; bounds past 2^31-1 saturate
// as in V8), never panics, and refuses nesting deeper than MaxDepth. The
// ES2025 modifiers and duplicate group names in different alternatives are
// accepted (Node.js 20 does not support them yet). Each node records its
// byte range in the pattern and, when it consumes a character, the set of
// code points it accepts (case-folded under the i flag, '.' widened by the
// s flag).
//
// # Detection
//
// Analyze builds a position automaton of the pattern (Glushkov's
// construction, one state per character-consuming node) that keeps what a
// backtracking matcher distinguishes and Glushkov's automaton forgets: two
// transitions between the same positions that take different routes
// through the pattern are kept apart. A transition from position p to
// position q records the node where its route turns (the concatenation or
// the loop linking them), how many distinct empty routes it has (one, or two
// and more: (a?|b?)c inside a loop), and the assertions it crosses (^ $ \b
// \B, used to drop impossible routes). Quantifiers follow the ECMAScript
// RepeatMatcher exactly: the first Min iterations may match the empty
// string and later ones may not, so (a?)* is linear while (a*)* is not.
// X{n,m} with m <= 10 is unrolled into copies of X; a larger bound counts as
// unbounded (2^m paths are as bad as unbounded for m > 10).
//
// The pattern backtracks exponentially when the automaton has exponential
// degree of ambiguity: a position p and a string w with two distinct paths
// from p back to p reading w, so that w repeated k times has 2^k paths,
// which a backtracking matcher tries one by one when the rest of the input
// makes the match fail. The test is the classic one (Weber and Seidl;
// Allauzen, Mohri and Rastogi): in the automaton of pairs of runs reading
// the same characters, a strongly connected component that holds a
// diagonal state (p,p) and either a state (q,r) with q != r or a pair of
// distinct transitions. This covers the two shapes the rule reports:
//
//   - nested quantifiers: (a+)+, (\w*)*, ([a-z0-9]+)+@, (.*a){2,},
//     ^(\w+\s?)*$, (\s*,\s*)* (the blanks between two commas split between
//     two iterations), ([a-z0-9]{2,4})+;
//   - overlapping alternation under a loop: (a|aa)+, (\d|\w)+, (a|a?)+,
//     (.|\s)* with the s flag.
//
// and stays quiet on their safe look-alikes: ^\d+(\.\d+)*$ and (ab+)+
// (every iteration starts with a character the inner loop cannot take),
// ^([a-z]+\.)+[a-z]+$, (a+)?, (?:a+){2}, (a|b)*, (\d|[a-f])+, (.|\n)*,
// (a|ab)* (uniquely decodable, hence linear), (a?)* and ^(\b\w+\b\s*)+$.
//
// The Finding names the innermost loop around both runs of the pumping
// cycle, its kind (overlapping-alternation when the two runs part at an
// alternation, nested-quantifier otherwise), and an attack string: a prefix
// reaching the loop, the pumped string repeated until the automaton has
// about 2^30 runs (at most 30 times), and a suffix on which every run fails.
// Exploitable tells whether that string really makes the match fail
// without a run through the loop ending the match first (simulated with the
// exact assertions of the chosen characters; several pumping cycles and
// characters are tried). /(a+)+/ alone is reported, as a structural
// finding, but is not exploitable: the first greedy path reaches the end of
// the pattern. Lookaround bodies are analyzed as patterns of their own.
//
// # Proof
//
// Prove runs a Finding's attack through a backtracking matcher that
// follows ECMAScript's pattern semantics (the RepeatMatcher with its
// empty-iteration check, alternative priority, lazy loops, lookarounds,
// backreferences, every start position) and counts its steps for growing
// numbers of pumps. A finding is proven when the steps each added pump
// costs double over ProvePumps consecutive pumps (see Proof). Analyze
// measures its candidate attacks itself (a few per ambiguous component):
// the first proven one wins, so a candidate the matcher refutes does not
// hide a real one elsewhere in the pattern; Finding.Measured returns the
// proof. The
// event-loop/redos rule reports proven findings only: the automaton
// over-approximates lookarounds and alternative priority, the matcher does
// not.
//
// # Known limits
//
//   - Analyze does not find polynomial backtracking (\d+\d+$, .*a.*b,
//     O(n^2) or O(n^3), including the cost of retrying an unanchored pattern
//     at every start position). Polynomial measures it on the backtracker
//     with a single pumped character; attacks that need a pumped string of
//     several characters are not found.
//   - Lookarounds and backreferences are treated as matching the empty
//     string when building the automaton (an over-approximation of the
//     language), so a lookahead that forbids one of two ambiguous branches
//     is not seen and can yield a false positive.
//   - Exploitable ignores the priority between alternatives: a branch tried
//     before the loop that accepts the attack string (say an earlier
//     alternative matching the empty string) makes a finding harmless that
//     is still marked exploitable.
//   - Bounded repetitions of at most 10 iterations are unrolled and never
//     reported, although (a+){1,10} has polynomial degree 10.
//   - Character sets are approximate where Go's Unicode tables differ from
//     ECMAScript's: derived properties (Alphabetic, ID_Start, Emoji, ...) are
//     built from the tables package unicode has, the i flag uses simple
//     case folding with and without u, and patterns are read as code points
//     without the u flag too (a lone surrogate is a code point).
//   - Large automata are not analyzed: past 2000 positions or 200000
//     transitions Analyze reports nothing, and past the limits on pairs of
//     runs and on work (a few hundred milliseconds at worst) it only looks
//     for two parallel transitions inside a loop, as in (a+)+.
package regex
